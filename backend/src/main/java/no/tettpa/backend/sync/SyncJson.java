package no.tettpa.backend.sync;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import no.tettpa.sync.merge.Values;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** JSON in and out of the database and the wire, with values normalized for merging. */
@Singleton
public class SyncJson {
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    private final ObjectMapper mapper;

    public SyncJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] writeBytes(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Object> readMap(String json) {
        try {
            return Values.normalizeMap(mapper.readValue(json, MAP));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object as parsed, without normalizing: for bodies that are only passed on, never compared. */
    public Map<String, Object> readForOutput(String json) {
        try {
            return mapper.readValue(json, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T read(byte[] json, Class<T> type) throws IOException {
        return mapper.readValue(json, type);
    }

    public <T> T read(String json, Argument<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
