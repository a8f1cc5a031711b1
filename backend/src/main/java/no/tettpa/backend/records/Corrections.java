package no.tettpa.backend.records;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Appended entries (visits, ratings, minutes, housing situations) are corrected by a later entry that names them in
 * {@code corrects}; whoever counts them leaves the corrected ones out. Read through the corrections index, so only
 * the (few) correcting entries are touched.
 */
public final class Corrections {
    private Corrections() {}

    /** The ids of the given persons' entries of one type that a later entry of theirs corrects. */
    public static Set<UUID> of(Connection c, UUID municipality, ScopedPersons persons, String entity) throws SQLException {
        Set<UUID> out = new HashSet<>();
        if (persons.isEmpty()) return out;
        String sql = "SELECT r.corrects FROM " + ScopedPersons.FROM + " JOIN LATERAL (SELECT x.body->>'corrects' AS "
                + "corrects, x.category FROM record_version x WHERE x.municipality_id = ? AND x.person_id = s.p "
                + "AND x.entity = ? AND (x.body->>'corrects') IS NOT NULL) r ON true WHERE " + ScopedPersons.VISIBLE;
        try (var ps = c.prepareStatement(sql)) {
            int i = persons.bind(c, ps, 1);
            ps.setObject(i++, municipality);
            ps.setString(i, entity);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) out.add(UUID.fromString(rs.getString(1)));
            }
        }
        return out;
    }
}
