package no.tettpa.backend.generator;

import io.micronaut.json.JsonMapper;
import no.tettpa.sync.clock.Hlc;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes record versions straight into {@code record_version} with COPY, in batches, as the sync engine would have
 * stored them (body, per-field stamps, author, device, time written). Keeps a digest of everything written except
 * the municipality, so two runs with the same seed can be compared.
 */
final class RecordCopy {
    private static final int BATCH = 20_000;
    private static final String COPY = "COPY record_version (municipality_id, record_id, version, person_id, entity, "
            + "category, deleted, body, stamps, author_id, device_id, created_at) FROM STDIN (FORMAT csv)";

    private final Connection c;
    private final UUID municipality;
    private final JsonMapper json = JsonMapper.createDefault();
    private final MessageDigest digest;
    private final StringBuilder buffer = new StringBuilder();
    private int pending;
    private long written;

    RecordCopy(Connection c, UUID municipality) {
        this.c = c;
        this.municipality = municipality;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stamp as the store keeps it: the hybrid clock, the author and the device. */
    static Map<String, Object> stamp(Instant at, int counter, UUID author, UUID device) {
        Map<String, Object> s = new LinkedHashMap<>();
        String node = "gen-" + (device == null ? "server" : device.toString().substring(0, 8));
        s.put("h", new Hlc(at.toEpochMilli(), counter, node).toString());
        if (author != null) s.put("a", author.toString());
        if (device != null) s.put("d", device.toString());
        return s;
    }

    /** One version; {@code stamps} maps every field of {@code body} to its stamp. */
    void add(UUID recordId, long version, UUID person, String entity, int category, Map<String, Object> body,
             Map<String, Map<String, Object>> stamps, UUID author, UUID device, Instant writtenAt) throws SQLException {
        String row = String.join(",", recordId.toString(), Long.toString(version), person.toString(), entity,
                Integer.toString(category), "false", quote(write(new TreeMap<>(body))), quote(write(new TreeMap<>(stamps))),
                author == null ? "" : author.toString(), device == null ? "" : device.toString(), writtenAt.toString());
        digest.update(row.getBytes(StandardCharsets.UTF_8));
        buffer.append(municipality).append(',').append(row).append('\n');
        if (++pending >= BATCH) flush();
    }

    void flush() throws SQLException {
        if (pending == 0) return;
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(buffer.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written += pending;
        pending = 0;
        buffer.setLength(0);
    }

    long written() {
        return written + pending;
    }

    String digest() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
