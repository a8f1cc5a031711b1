package no.tettpa.simulator;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import no.tettpa.sync.merge.Values;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** JSON as normalized maps and lists, for reading the server's answers and rows. */
final class SimJson {
    private static final ObjectMapper MAPPER = ObjectMapper.getDefault();

    private SimJson() {}

    static Map<String, Object> map(String json) {
        try {
            return Values.normalizeMap(MAPPER.readValue(json, Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(String json) {
        try {
            return (List<Object>) Values.normalize(MAPPER.readValue(json, Argument.listOf(Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
