package no.tettpa.client;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import no.tettpa.sync.merge.Values;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** JSON for the wire and for field maps in the store, with values normalized the way the merge rules compare them. */
final class Json {
    private static final ObjectMapper MAPPER = ObjectMapper.getDefault();
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    private static final Argument<List<String>> STRINGS = Argument.listOf(String.class);
    private static final Argument<List<Map<String, Object>>> OBJECTS = Argument.listOf(MAP);

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object as a normalized, key-sorted map; null for null text. */
    static Map<String, Object> readMap(String json) {
        if (json == null) return null;
        try {
            return Values.normalizeMap(MAPPER.readValue(json, MAP));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of objects, each normalized. */
    static List<Map<String, Object>> readObjects(String json) {
        try {
            return MAPPER.readValue(json, OBJECTS).stream().map(Values::normalizeMap).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String writeMap(Map<String, Object> map) {
        return map == null ? null : write(Values.normalizeMap(map));
    }

    static List<String> readStrings(String json) {
        try {
            return MAPPER.readValue(json, STRINGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
