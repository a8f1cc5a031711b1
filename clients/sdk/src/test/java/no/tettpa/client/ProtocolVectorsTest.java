package no.tettpa.client;

import no.tettpa.sync.clock.Hlc;
import no.tettpa.sync.clock.HlcClock;
import no.tettpa.sync.schema.Schemas;
import no.tettpa.sync.schema.Validation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The protocol's own vectors ({@code sync-protocol/src/test/resources/vectors/}) that concern a client, run through
 * the SDK: {@code validation/} through the device's local checks (its format checks, its "today"), {@code hlc/}
 * clock sequences through the clock the SDK stamps mutations with. {@code merge/}, {@code upgrades/} and
 * {@code sync/} are the server's side; the protocol and backend modules run them.
 */
class ProtocolVectorsTest {
    private static final Path ROOT = Path.of("../../sync-protocol/src/test/resources/vectors");

    private static List<Path> files(String dir) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(ROOT.resolve(dir)), "no protocol vectors in " + ROOT.resolve(dir));
        try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static List<Map<String, Object>> cases(Path file) throws IOException {
        return Json.readObjects(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    @TestFactory
    Stream<DynamicTest> validationAsTheDeviceChecksIt() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files("validation")) {
            for (Map<String, Object> c : cases(file)) {
                tests.add(DynamicTest.dynamicTest(file.getFileName() + ": " + c.get("name"), () -> {
                    var spec = Schemas.entity((String) c.get("entity")).orElseThrow();
                    var fields = LocalEdits.normalized((Map<String, Object>) c.get("fields"));
                    List<String> errors = LocalEdits.fieldErrors(spec, (String) c.get("op"), fields,
                                    LocalDate.parse((String) c.get("today")), FieldClientConfig.DEFAULT_FORMATS)
                            .stream().map(Validation.FieldError::field).sorted().toList();
                    List<String> expected = ((List<String>) c.get("errors")).stream().sorted().toList();
                    assertEquals(expected, errors);
                }));
            }
        }
        return tests.stream();
    }

    @SuppressWarnings("unchecked")
    @TestFactory
    Stream<DynamicTest> clockSequencesAsTheDeviceStampsThem() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files("hlc")) {
            for (Map<String, Object> c : cases(file)) {
                if (!"clock".equals(c.get("kind"))) continue;
                tests.add(DynamicTest.dynamicTest(file.getFileName() + ": " + c.get("name"), () -> {
                    AtomicLong wall = new AtomicLong();
                    HlcClock clock = new HlcClock((String) c.get("node"), wall::get, ((Number) c.get("maxDriftMillis")).longValue());
                    if (c.get("restore") != null) clock.restore(Hlc.parse((String) c.get("restore")));
                    for (Map<String, Object> e : (List<Map<String, Object>>) c.get("events")) {
                        wall.set(((Number) e.get("wall")).longValue());
                        if ("now".equals(e.get("op"))) {
                            assertEquals(e.get("expect"), clock.now().toString());
                        } else {
                            HlcClock.Received r = clock.receive(Hlc.parse((String) e.get("remote")));
                            Map<String, Object> expect = (Map<String, Object>) e.get("expect");
                            assertEquals(expect.get("local"), r.local().toString());
                            assertEquals(expect.get("remoteAsUsed"), r.remoteAsUsed().toString());
                            assertEquals(expect.get("clamped"), r.clamped());
                            assertEquals(((Number) expect.get("aheadByMillis")).longValue(), r.aheadByMillis());
                        }
                    }
                }));
            }
        }
        return tests.stream();
    }
}
