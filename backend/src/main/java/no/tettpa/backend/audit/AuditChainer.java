package no.tettpa.backend.audit;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import no.tettpa.backend.platform.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Links committed access-log events into one hash chain per municipality: each link's hash is
 * SHA-256(previous hash ‖ the event's canonical form). It reads events the way devices read the change feed, below
 * the safe horizon and after where it stopped, so an event committed late is chained late, never skipped. Any
 * server instance may run it: a transaction-scoped advisory lock per municipality lets one chain at a time.
 */
@Singleton
public class AuditChainer {
    private static final Logger LOG = LoggerFactory.getLogger(AuditChainer.class);
    private static final int LOCK_CLASS = 0x7e77a0;
    private static final int BATCH = 5000;
    static final byte[] GENESIS = new byte[32];

    private final Jdbc jdbc;

    public AuditChainer(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelay = "${tettpa.audit.chain-interval:5s}", initialDelay = "10s")
    void chainAll() {
        try {
            List<UUID> municipalities = jdbc.read(c -> {
                List<UUID> out = new ArrayList<>();
                try (var rs = c.createStatement().executeQuery("SELECT id FROM municipality")) {
                    while (rs.next()) out.add(rs.getObject(1, UUID.class));
                }
                return out;
            });
            for (UUID m : municipalities) chain(m);
        } catch (RuntimeException e) {
            LOG.warn("audit chaining failed, will retry: {}", e.getMessage());
        }
    }

    /** Chains what is committed and not yet chained; returns how many events it linked. */
    public int chain(UUID municipality) {
        int total = 0;
        while (true) {
            int n = jdbc.write(c -> chainBatch(c, municipality));
            total += n;
            if (n < BATCH) return total;
        }
    }

    private int chainBatch(Connection c, UUID m) throws SQLException {
        try (var ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setInt(2, m.hashCode());
            try (var rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) return 0;
            }
        }
        long position = 0, readXid = 0, readId = 0;
        byte[] hash = GENESIS;
        try (var ps = c.prepareStatement("SELECT position, hash, read_xid, read_id FROM audit_chain_head WHERE municipality_id = ?")) {
            ps.setObject(1, m);
            try (var rs = ps.executeQuery()) {
                if (rs.next()) {
                    position = rs.getLong(1);
                    hash = rs.getBytes(2);
                    readXid = rs.getLong(3);
                    readId = rs.getLong(4);
                }
            }
        }
        long horizon;
        try (var rs = c.createStatement().executeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")) {
            rs.next();
            horizon = rs.getLong(1);
        }
        int linked = 0;
        try (var ps = c.prepareStatement("SELECT " + CANONICAL_COLUMNS + ", xid FROM audit_event WHERE municipality_id = ? "
                + "AND (xid, id) > (?, ?) AND xid < ? ORDER BY xid, id LIMIT " + BATCH);
             var insert = c.prepareStatement("INSERT INTO audit_chain (municipality_id, position, event_id, hash) VALUES (?, ?, ?, ?)")) {
            ps.setObject(1, m);
            ps.setLong(2, readXid);
            ps.setLong(3, readId);
            ps.setLong(4, horizon);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    hash = link(hash, canonical(rs, 1));
                    position++;
                    readId = rs.getLong(1);
                    readXid = rs.getLong(10);
                    insert.setObject(1, m);
                    insert.setLong(2, position);
                    insert.setLong(3, readId);
                    insert.setBytes(4, hash);
                    insert.addBatch();
                    linked++;
                }
            }
            if (linked > 0) insert.executeBatch();
        }
        if (linked > 0) {
            try (var ps = c.prepareStatement("INSERT INTO audit_chain_head (municipality_id, position, hash, read_xid, read_id) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (municipality_id) DO UPDATE SET position = excluded.position, "
                    + "hash = excluded.hash, read_xid = excluded.read_xid, read_id = excluded.read_id, updated_at = now()")) {
                ps.setObject(1, m);
                ps.setLong(2, position);
                ps.setBytes(3, hash);
                ps.setLong(4, readXid);
                ps.setLong(5, readId);
                ps.executeUpdate();
            }
        }
        return linked;
    }

    /** The columns an event's canonical form is made of, in order (see {@link #canonical}). */
    static final String CANONICAL_COLUMNS = "id, at, actor_id, device_id, action, person_id, basis, purpose, details::text";

    /**
     * An event as the exact text that is hashed: its {@link #CANONICAL_COLUMNS}, read from column {@code first} on,
     * separated by unit separators.
     */
    static String canonical(ResultSet rs, int first) throws SQLException {
        StringBuilder b = new StringBuilder();
        b.append(rs.getLong(first)).append('\u001f');
        Timestamp at = rs.getTimestamp(first + 1);
        b.append(at.toInstant()).append('\u001f');
        for (int i = first + 2; i <= first + 8; i++) {
            String v = rs.getString(i);
            b.append(v == null ? "" : v).append('\u001f');
        }
        return b.toString();
    }

    static byte[] link(byte[] previous, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous);
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
