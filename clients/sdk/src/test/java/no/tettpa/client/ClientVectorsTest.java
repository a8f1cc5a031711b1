package no.tettpa.client;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every vector in {@code client-vectors/}: local state in, server answer in, local state out. */
class ClientVectorsTest {
    @TempDir
    Path dir;

    static Stream<Path> vectors() throws IOException, URISyntaxException {
        Path root = Path.of(ClientVectorsTest.class.getResource("/client-vectors").toURI());
        List<Path> files = new ArrayList<>();
        try (var walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        assertTrue(files.size() >= 10, "the vectors are there");
        return files.stream();
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(Path file) throws IOException {
        Map<String, Object> vector = Json.readMap(Files.readString(file));
        ClientVectors.Outcome outcome = ClientVectors.run(vector, dir);
        List<String> problems = new ArrayList<>();
        Map<String, Object> expect = (Map<String, Object>) vector.get("expect");
        Map<String, Object> expected = new java.util.TreeMap<>(expect);
        Object request = expected.remove("request");
        Object nextRequest = expected.remove("nextRequest");
        Object error = expected.remove("error");
        problems.addAll(ClientVectors.mismatches("state", expected, outcome.state()));
        if (request != null) problems.addAll(ClientVectors.mismatches("request", request, outcome.requests().get(0)));
        if (nextRequest != null) {
            problems.addAll(outcome.requests().size() < 2 ? List.of("no next request was sent")
                    : ClientVectors.mismatches("nextRequest", nextRequest, outcome.requests().get(1)));
        }
        if (error != null) problems.addAll(ClientVectors.mismatches("error", error, outcome.error()));
        assertEquals(List.of(), problems, file.getFileName() + ": " + vector.get("description")
                + "\nstate out: " + Json.write(outcome.state()) + "\nrequests: " + Json.write(outcome.requests()));
    }
}
