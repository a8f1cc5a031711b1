package no.tettpa.backend.access;

import jakarta.inject.Singleton;
import no.tettpa.backend.caseload.ReviewCounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Counts the exceptional-access grants to each person's record that no leader has reviewed yet. */
@Singleton
public class ExceptionalAccessReviewCounts implements ReviewCounts {
    @Override
    public Map<UUID, Integer> exceptionalAccessToReview(Connection c, UUID municipalityId, Collection<UUID> persons)
            throws SQLException {
        if (persons.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Integer> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT person_id, count(*) FROM exceptional_access
                 WHERE municipality_id = ? AND reviewed_at IS NULL AND person_id = ANY (?)
                 GROUP BY person_id""")) {
            ps.setObject(1, municipalityId);
            ps.setArray(2, c.createArrayOf("uuid", persons.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
                }
            }
        }
        return counts;
    }
}
