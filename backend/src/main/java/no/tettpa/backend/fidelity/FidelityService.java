package no.tettpa.backend.fidelity;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import no.tettpa.backend.access.TeamAccess;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.fidelity.model.Fidelity;
import no.tettpa.backend.fidelity.model.FidelityFigures;
import no.tettpa.backend.fidelity.model.FidelityInput;
import no.tettpa.backend.fidelity.model.HousingFact;
import no.tettpa.backend.fidelity.model.Period;
import no.tettpa.backend.fidelity.model.VisitFact;
import no.tettpa.backend.org.TeamDirectory;
import no.tettpa.backend.platform.Jdbc;
import no.tettpa.backend.records.Corrections;
import no.tettpa.backend.records.ScopedPersons;
import no.tettpa.backend.sync.ScopeResolver;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A team's fidelity figures for a period (see {@link Fidelity} for the definitions), for the team's leaders. Only
 * aggregates leave the service: no person is named, so nothing is reported to the access log.
 */
@Singleton
public class FidelityService {
    public static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    private final Jdbc jdbc;
    private final ScopeResolver scopes;
    private final TeamDirectory teams;

    public FidelityService(Jdbc jdbc, ScopeResolver scopes, TeamDirectory teams) {
        this.teams = teams;
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    @Serdeable
    public record Report(UUID teamId, String teamName, FidelityFigures figures) {}

    public Report team(Caller caller, UUID teamId, LocalDate from, LocalDate to) {
        TeamAccess.requireLeaderOf(caller, teamId);
        return jdbc.read(c -> {
            UUID m = caller.municipalityId();
            String teamName = teams.name(c, m, teamId);
            List<UUID> ids = teams.persons(c, m, teamId);
            ScopedPersons persons = ScopedPersons.of(scopes.visible(c, caller, ids));
            Map<UUID, List<Period>> followUp = new HashMap<>();
            Map<UUID, List<Period>> housingFirst = new HashMap<>();
            episodes(c, m, persons, followUp, housingFirst);
            List<VisitFact> visits = visits(c, m, persons, from, to);
            Map<UUID, List<HousingFact>> housing = housing(c, m, persons.only(housingFirst.keySet()));
            FidelityInput input = new FidelityInput(from, to, new ArrayList<>(persons.ids()), followUp, housingFirst,
                    teams.fieldWorkers(c, m, teamId).size(), visits, housing);
            return new Report(teamId, teamName, Fidelity.compute(input));
        });
    }

    private static void episodes(Connection c, UUID m, ScopedPersons persons, Map<UUID, List<Period>> all,
                                 Map<UUID, List<Period>> housingFirst) throws SQLException {
        if (persons.isEmpty()) return;
        String sql = "WITH cur AS (SELECT DISTINCT ON (r.record_id) r.person_id, r.deleted, r.body, r.category, s.m "
                + "FROM " + ScopedPersons.FROM + " JOIN record_version r ON r.person_id = s.p "
                + "WHERE r.municipality_id = ? AND r.entity = 'episode' ORDER BY r.record_id, r.version DESC) "
                + "SELECT person_id, body->>'basis', body->>'startDate', body->>'endDate' FROM cur "
                + "WHERE NOT deleted AND (m & (1 << category)) <> 0 AND body->>'startDate' IS NOT NULL";
        try (var ps = c.prepareStatement(sql)) {
            int i = persons.bind(c, ps, 1);
            ps.setObject(i, m);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID p = rs.getObject(1, UUID.class);
                    Period period = new Period(LocalDate.parse(rs.getString(3)),
                            rs.getString(4) == null ? null : LocalDate.parse(rs.getString(4)));
                    all.computeIfAbsent(p, k -> new ArrayList<>()).add(period);
                    if ("housing_first".equals(rs.getString(2))) {
                        housingFirst.computeIfAbsent(p, k -> new ArrayList<>()).add(period);
                    }
                }
            }
        }
    }

    private static List<VisitFact> visits(Connection c, UUID m, ScopedPersons persons, LocalDate from, LocalDate to)
            throws SQLException {
        List<VisitFact> out = new ArrayList<>();
        if (persons.isEmpty()) return out;
        Set<UUID> corrected = Corrections.of(c, m, persons, "visit");
        String participants = "jsonb_array_elements(coalesce(r.body->'participants', '[]'::jsonb)) AS x(p)";
        String sql = "SELECT s.p, r.at, r.body->>'kind', r.body->>'place', r.author_id, "
                + "ARRAY(SELECT x.p->>'staffId' FROM " + participants + " WHERE x.p->>'kind' IN ('staff', 'partner_staff') "
                + "AND x.p->>'staffId' IS NOT NULL), "
                + "EXISTS (SELECT 1 FROM " + participants + " WHERE x.p->>'kind' = 'network'), r.record_id "
                + "FROM " + ScopedPersons.FROM + " JOIN LATERAL (SELECT v.record_id, v.author_id, v.category, v.body, "
                + "tettpa_instant(v.body->>'startedAt') AS at FROM record_version v WHERE v.municipality_id = ? "
                + "AND v.person_id = s.p AND v.entity = 'visit' AND tettpa_instant(v.body->>'startedAt') >= ? "
                + "AND tettpa_instant(v.body->>'startedAt') < ?) r ON true WHERE " + ScopedPersons.VISIBLE;
        try (var ps = c.prepareStatement(sql)) {
            int i = persons.bind(c, ps, 1);
            ps.setObject(i++, m);
            ps.setObject(i++, from.atStartOfDay(NORWAY).toOffsetDateTime());
            ps.setObject(i, to.plusDays(1).atStartOfDay(NORWAY).toOffsetDateTime());
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (corrected.contains(rs.getObject(8, UUID.class))) continue;
                    Set<UUID> staff = new HashSet<>();
                    UUID author = rs.getObject(5, UUID.class);
                    if (author != null) staff.add(author);
                    for (Object s : (Object[]) rs.getArray(6).getArray()) staff.add(UUID.fromString((String) s));
                    out.add(new VisitFact(rs.getObject(1, UUID.class),
                            rs.getTimestamp(2).toInstant().atZone(NORWAY).toLocalDate(), rs.getString(3), rs.getString(4),
                            staff, rs.getBoolean(7)));
                }
            }
        }
        return out;
    }

    private static Map<UUID, List<HousingFact>> housing(Connection c, UUID m, ScopedPersons persons) throws SQLException {
        Map<UUID, List<HousingFact>> out = new HashMap<>();
        if (persons.isEmpty()) return out;
        String sql = "WITH h AS MATERIALIZED (SELECT r.person_id, r.record_id, r.body FROM " + ScopedPersons.FROM
                + " JOIN record_version r ON r.person_id = s.p WHERE r.municipality_id = ? "
                + "AND r.entity = 'housing_situation' AND " + ScopedPersons.VISIBLE + ") "
                + "SELECT h.person_id, h.body->>'from', h.body->>'situation' FROM h WHERE NOT EXISTS (SELECT 1 FROM h y "
                + "WHERE y.person_id = h.person_id AND y.body->>'corrects' = h.record_id::text)";
        try (var ps = c.prepareStatement(sql)) {
            int i = persons.bind(c, ps, 1);
            ps.setObject(i, m);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID p = rs.getObject(1, UUID.class);
                    out.computeIfAbsent(p, k -> new ArrayList<>())
                            .add(new HousingFact(p, LocalDate.parse(rs.getString(2)), rs.getString(3)));
                }
            }
        }
        return out;
    }
}
