package no.tettpa.backend.access;

import jakarta.inject.Singleton;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.auth.Role;
import no.tettpa.backend.sync.ScopeResolver;
import no.tettpa.backend.sync.model.Basis;
import no.tettpa.backend.sync.model.VisibleScope;
import no.tettpa.sync.schema.Category;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The caseload rule: field workers and team leaders see, in every category, the persons on the caseloads of the
 * municipal teams they belong to. Partner teams see nothing on this basis (they see by consent); administrators
 * hold no person data on devices.
 */
@Singleton
public class CaseloadScopes implements ScopeResolver {
    private static final int ALL = Category.mask(EnumSet.allOf(Category.class));

    @Override
    public Map<UUID, VisibleScope> visible(Connection c, Caller caller) throws SQLException {
        return query(c, caller, null);
    }

    @Override
    public Map<UUID, VisibleScope> visible(Connection c, Caller caller, Collection<UUID> persons) throws SQLException {
        return query(c, caller, persons);
    }

    private Map<UUID, VisibleScope> query(Connection c, Caller caller, Collection<UUID> persons) throws SQLException {
        Map<UUID, VisibleScope> out = new HashMap<>();
        if (!(caller.has(Role.FIELD_WORKER) || caller.has(Role.TEAM_LEADER)) || caller.teamIds().isEmpty()) {
            return out;
        }
        String sql = "SELECT p.id FROM person p JOIN team t ON t.municipality_id = p.municipality_id AND t.id = p.team_id "
                + "WHERE p.municipality_id = ? AND p.team_id = ANY(?) AND NOT t.partner"
                + (persons == null ? "" : " AND p.id = ANY(?)");
        try (var ps = c.prepareStatement(sql)) {
            ps.setObject(1, caller.municipalityId());
            ps.setArray(2, c.createArrayOf("uuid", caller.teamIds().toArray()));
            if (persons != null) ps.setArray(3, c.createArrayOf("uuid", persons.toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    out.put(id, new VisibleScope(id, ALL, Basis.CASELOAD, null));
                }
            }
        }
        return out;
    }
}
