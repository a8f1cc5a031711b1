package no.tettpa.backend.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import no.tettpa.backend.platform.Jdbc;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Walks a municipality's chain from the start, recomputing every hash from the events as they are now. An event
 * edited after it was chained changes its hash; a deleted event leaves its link pointing at nothing; a deleted link
 * leaves a gap; a deleted tail no longer matches the head.
 */
@Singleton
public class AuditVerifier {
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(boolean intact, long links, @Nullable String headHash, @Nullable Long brokenAtPosition,
                         @Nullable Long eventId, @Nullable String problem, long unchained) {}

    private final Jdbc jdbc;
    private final AuditChainer chainer;

    public AuditVerifier(Jdbc jdbc, AuditChainer chainer) {
        this.jdbc = jdbc;
        this.chainer = chainer;
    }

    public Report verify(UUID municipality) {
        chainer.chain(municipality);
        return jdbc.read(c -> {
            byte[] hash = AuditChainer.GENESIS;
            long expected = 1;
            try (var ps = c.prepareStatement("SELECT ch.position, ch.event_id, ch.hash, e." + AuditChainer.CANONICAL_COLUMNS
                    .replace(", ", ", e.") + " FROM audit_chain ch LEFT JOIN audit_event e "
                    + "ON e.municipality_id = ch.municipality_id AND e.id = ch.event_id WHERE ch.municipality_id = ? "
                    + "ORDER BY ch.position")) {
                ps.setObject(1, municipality);
                ps.setFetchSize(2000);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long position = rs.getLong(1);
                        long eventId = rs.getLong(2);
                        if (position != expected) {
                            return broken(expected - 1, hash, expected, eventId, "a link is missing before this position");
                        }
                        if (rs.getObject(4) == null) {
                            return broken(expected - 1, hash, position, eventId, "the event of this link was deleted");
                        }
                        byte[] recomputed = AuditChainer.link(hash, AuditChainer.canonical(rs, 4));
                        if (!Arrays.equals(recomputed, rs.getBytes(3))) {
                            return broken(expected - 1, hash, position, eventId, "the event was changed after it was logged");
                        }
                        hash = recomputed;
                        expected++;
                    }
                }
            }
            long links = expected - 1;
            try (var ps = c.prepareStatement("SELECT position, hash FROM audit_chain_head WHERE municipality_id = ?")) {
                ps.setObject(1, municipality);
                try (var rs = ps.executeQuery()) {
                    if (rs.next() && (rs.getLong(1) != links || !Arrays.equals(rs.getBytes(2), hash))) {
                        return broken(links, hash, links + 1, null, "the end of the chain was removed");
                    }
                }
            }
            return new Report(true, links, AuditChainer.hex(hash), null, null, null, unchained(c, municipality));
        });
    }

    private static Report broken(long links, byte[] hash, long position, Long eventId, String problem) {
        return new Report(false, links, AuditChainer.hex(hash), position, eventId, problem, 0);
    }

    private static long unchained(java.sql.Connection c, UUID municipality) throws SQLException {
        try (var ps = c.prepareStatement("SELECT count(*) FROM audit_event e WHERE e.municipality_id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM audit_chain ch WHERE ch.municipality_id = e.municipality_id AND ch.event_id = e.id)")) {
            ps.setObject(1, municipality);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
