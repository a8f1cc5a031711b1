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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Deny by default; a person is visible to a staff member on exactly these bases:
 * <ul>
 *   <li><b>caseload</b>: field workers and team leaders see, in every category, the persons on the caseloads of the
 *       municipal teams they belong to;</li>
 *   <li><b>consent</b>: members of a partner (ACT/FACT) team see the persons who consented to share with that team,
 *       in the consented categories (and the person's core details), from the consent's first day to its last,
 *       until it is withdrawn;</li>
 *   <li><b>exceptional</b>: a staff member who opened short-lived exceptional access to a person sees that person,
 *       in every category, until it expires.</li>
 * </ul>
 * Administrators see no person data. Several bases for one person combine their categories; the basis reported is
 * the strongest (caseload, then exceptional, then consent).
 */
@Singleton
public class AccessScopes implements ScopeResolver {
    static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");
    private static final int ALL = Category.mask(EnumSet.allOf(Category.class));
    private static final int CORE = 1 << Category.CORE.bit();

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
        if (persons != null && persons.isEmpty()) return out;
        Object[] only = persons == null ? null : persons.toArray();
        Object[] teams = caller.teamIds().toArray();
        LocalDate today = LocalDate.now(NORWAY);

        if ((caller.has(Role.FIELD_WORKER) || caller.has(Role.TEAM_LEADER)) && teams.length > 0) {
            String sql = "SELECT p.id FROM person p JOIN team t ON t.municipality_id = p.municipality_id AND t.id = p.team_id "
                    + "WHERE p.municipality_id = ? AND p.team_id = ANY(?) AND NOT t.partner" + (only == null ? "" : " AND p.id = ANY(?)");
            try (var ps = c.prepareStatement(sql)) {
                ps.setObject(1, caller.municipalityId());
                ps.setArray(2, c.createArrayOf("uuid", teams));
                if (only != null) ps.setArray(3, c.createArrayOf("uuid", only));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) add(out, rs.getObject(1, UUID.class), ALL, Basis.CASELOAD, null);
                }
            }
        }
        if (mayOpenExceptionalAccess(caller)) {
            String sql = "SELECT person_id, max(expires_at) FROM exceptional_access WHERE municipality_id = ? AND staff_id = ? "
                    + "AND expires_at > now()" + (only == null ? "" : " AND person_id = ANY(?)") + " GROUP BY person_id";
            try (var ps = c.prepareStatement(sql)) {
                ps.setObject(1, caller.municipalityId());
                ps.setObject(2, caller.staffId());
                if (only != null) ps.setArray(3, c.createArrayOf("uuid", only));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) add(out, rs.getObject(1, UUID.class), ALL, Basis.EXCEPTIONAL, rs.getTimestamp(2).toInstant());
                }
            }
        }
        if (teams.length > 0 && !caller.has(Role.ADMINISTRATOR)) {
            String sql = "SELECT g.person_id, bit_or(g.categories), max(g.valid_until) FROM consent_grant g JOIN team t "
                    + "ON t.municipality_id = g.municipality_id AND t.id = g.partner_team_id WHERE g.municipality_id = ? "
                    + "AND g.partner_team_id = ANY(?) AND t.partner AND g.withdrawn_at IS NULL AND g.valid_from <= ? "
                    + "AND g.valid_until >= ?" + (only == null ? "" : " AND g.person_id = ANY(?)") + " GROUP BY g.person_id";
            try (var ps = c.prepareStatement(sql)) {
                ps.setObject(1, caller.municipalityId());
                ps.setArray(2, c.createArrayOf("uuid", teams));
                ps.setObject(3, today);
                ps.setObject(4, today);
                if (only != null) ps.setArray(5, c.createArrayOf("uuid", only));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant until = rs.getObject(3, LocalDate.class).plusDays(1).atStartOfDay(NORWAY).toInstant();
                        add(out, rs.getObject(1, UUID.class), rs.getInt(2) | CORE, Basis.CONSENT, until);
                    }
                }
            }
        }
        return out;
    }

    /** Who may open short-lived exceptional access: staff who work with persons (not administrators). */
    public static boolean mayOpenExceptionalAccess(Caller caller) {
        return caller.has(Role.FIELD_WORKER) || caller.has(Role.TEAM_LEADER) || caller.has(Role.PARTNER);
    }

    private static void add(Map<UUID, VisibleScope> out, UUID person, int categories, Basis basis, Instant until) {
        VisibleScope had = out.get(person);
        if (had == null) {
            out.put(person, new VisibleScope(person, categories, basis, until));
            return;
        }
        Basis stronger = had.basis().ordinal() <= basis.ordinal() ? had.basis() : basis;
        Instant keptUntil = stronger == Basis.CASELOAD ? null : stronger == had.basis() ? had.until() : until;
        out.put(person, new VisibleScope(person, had.categories() | categories, stronger, keptUntil));
    }

    @Override
    public String whyNot(Connection c, Caller caller, UUID person) throws SQLException {
        if (!caller.teamIds().isEmpty()) {
            try (var ps = c.prepareStatement("SELECT withdrawn_at IS NOT NULL, valid_until < ? FROM consent_grant "
                    + "WHERE municipality_id = ? AND person_id = ? AND partner_team_id = ANY(?) ORDER BY recorded_at DESC LIMIT 1")) {
                ps.setObject(1, LocalDate.now(NORWAY));
                ps.setObject(2, caller.municipalityId());
                ps.setObject(3, person);
                ps.setArray(4, c.createArrayOf("uuid", caller.teamIds().toArray()));
                try (var rs = ps.executeQuery()) {
                    if (rs.next()) return rs.getBoolean(1) ? "consent_withdrawn" : rs.getBoolean(2) ? "consent_expired" : "no_longer_visible";
                }
            }
        }
        try (var ps = c.prepareStatement("SELECT 1 FROM exceptional_access WHERE municipality_id = ? AND staff_id = ? "
                + "AND person_id = ? AND expires_at <= now() LIMIT 1")) {
            ps.setObject(1, caller.municipalityId());
            ps.setObject(2, caller.staffId());
            ps.setObject(3, person);
            try (var rs = ps.executeQuery()) {
                if (rs.next()) return "access_ended";
            }
        }
        return "no_longer_visible";
    }
}
