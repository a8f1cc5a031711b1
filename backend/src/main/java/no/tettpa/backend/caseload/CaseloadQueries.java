package no.tettpa.backend.caseload;

import jakarta.inject.Singleton;
import no.tettpa.backend.caseload.model.RatingSummary;
import no.tettpa.backend.caseload.model.VisitStory;
import no.tettpa.backend.records.Corrections;
import no.tettpa.backend.records.ScopedPersons;
import no.tettpa.sync.schema.records.Vocabulary;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The caseload overview's facts, read set-based: one query per kind of fact for all the persons of a caseload at
 * once, over the current versions in {@code record_version}, in the categories the caller may see of each person.
 * Appended records (visits, ratings, arrears events) have one version each, so they need no "latest version" step;
 * entries that a later entry {@code corrects} are left out. Visits, by far the most numerous, are read newest first
 * through their time index, and only as far back as needed.
 */
@Singleton
public class CaseloadQueries {

    /** Active agreements: how many are due for evaluation by {@code dueBy}, and the earliest evaluation date. */
    public record AgreementFacts(int dueForEvaluation, LocalDate nextEvaluationDate) {}

    /** An open arrears case and its events (type, step, date), for computing its deadlines. */
    public record OpenCase(UUID caseId, List<Map<String, Object>> events) {}

    /** How far back the first, cheap pass over a team's visits looks; persons without a contact in it get a second. */
    public static final int RECENT_DAYS = 90;

    /**
     * Each person's visit facts ({@link VisitStory}): first from the visits of the last {@value #RECENT_DAYS} days,
     * read through the visit-time index; then, for the persons with no contact in those days, from all their visits.
     */
    public Map<UUID, VisitStory.Facts> visits(Connection c, UUID municipality, ScopedPersons persons, Instant since)
            throws SQLException {
        Map<UUID, VisitStory.Facts> out = new HashMap<>();
        if (persons.isEmpty()) return out;
        Set<UUID> corrected = Corrections.of(c, municipality, persons, "visit");
        Map<UUID, List<VisitStory.Line>> recent = visitLines(c, municipality, persons, since);
        List<UUID> silent = new ArrayList<>();
        for (UUID p : persons.ids()) {
            VisitStory.of(recent.getOrDefault(p, List.of()), corrected, false)
                    .ifPresentOrElse(f -> out.put(p, f), () -> silent.add(p));
        }
        if (!silent.isEmpty()) {
            Map<UUID, List<VisitStory.Line>> all = visitLines(c, municipality, persons.only(silent), null);
            for (UUID p : silent) {
                VisitStory.of(all.getOrDefault(p, List.of()), corrected, true).ifPresent(f -> out.put(p, f));
            }
        }
        return out;
    }

    private Map<UUID, List<VisitStory.Line>> visitLines(Connection c, UUID municipality, ScopedPersons persons,
                                                        Instant since) throws SQLException {
        Map<UUID, List<VisitStory.Line>> out = new HashMap<>();
        String sql = "SELECT s.p, r.record_id, r.created_at, r.body->>'kind', tettpa_instant(r.body->>'startedAt'), "
                + "r.body->>'nextStep', r.body->>'nextStepDate' FROM " + ScopedPersons.FROM + " JOIN LATERAL (SELECT "
                + "x.record_id, x.created_at, x.category, x.body FROM record_version x WHERE x.municipality_id = ? "
                + "AND x.person_id = s.p AND x.entity = 'visit'"
                + (since == null ? "" : " AND tettpa_instant(x.body->>'startedAt') >= ?") + ") r ON true WHERE "
                + ScopedPersons.VISIBLE;
        try (var ps = c.prepareStatement(sql)) {
            int i = persons.bind(c, ps, 1);
            ps.setObject(i++, municipality);
            if (since != null) ps.setObject(i, java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    String date = rs.getString(7);
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new VisitStory.Line(
                            rs.getObject(2, UUID.class), rs.getTimestamp(5).toInstant(), rs.getTimestamp(3).toInstant(),
                            rs.getString(4), rs.getString(6), date == null ? null : LocalDate.parse(date)));
                }
            }
        }
        return out;
    }

    public Map<UUID, AgreementFacts> agreements(Connection c, UUID municipality, ScopedPersons persons, LocalDate dueBy)
            throws SQLException {
        Map<UUID, AgreementFacts> out = new HashMap<>();
        if (persons.isEmpty()) return out;
        String sql = "WITH cur AS (SELECT DISTINCT ON (r.record_id) r.person_id, r.deleted, r.body, s.m, r.category "
                + "FROM " + ScopedPersons.FROM + " JOIN record_version r ON r.person_id = s.p "
                + "WHERE r.municipality_id = ? AND r.entity = 'agreement' ORDER BY r.record_id, r.version DESC) "
                + "SELECT person_id, count(*) FILTER (WHERE (body->>'evaluationDate')::date <= ?), "
                + "min((body->>'evaluationDate')::date) FROM cur "
                + "WHERE NOT deleted AND (m & (1 << category)) <> 0 AND body->>'status' = 'active' "
                + "AND body->>'evaluationDate' IS NOT NULL GROUP BY person_id";
        try (var ps = c.prepareStatement(sql)) {
            int i = persons.bind(c, ps, 1);
            ps.setObject(i++, municipality);
            ps.setObject(i, dueBy);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), new AgreementFacts(rs.getInt(2),
                            rs.getObject(3, LocalDate.class)));
                }
            }
        }
        return out;
    }

    /** Open arrears cases by person, each with the events that are not corrected by a later one. */
    public Map<UUID, List<OpenCase>> openArrears(Connection c, UUID municipality, ScopedPersons persons)
            throws SQLException {
        Map<UUID, Map<UUID, OpenCase>> byPerson = new HashMap<>();
        if (persons.isEmpty()) return Map.of();
        String sql = "WITH cases AS (SELECT DISTINCT ON (r.record_id) r.record_id, r.person_id, r.deleted, r.body, "
                + "r.category, s.m FROM " + ScopedPersons.FROM + " JOIN record_version r ON r.person_id = s.p "
                + "WHERE r.municipality_id = ? AND r.entity = 'arrears_case' ORDER BY r.record_id, r.version DESC), "
                + "open AS (SELECT record_id, person_id FROM cases WHERE NOT deleted AND (m & (1 << category)) <> 0 "
                + "AND body->>'status' = 'open'), "
                + "ev AS MATERIALIZED (SELECT e.record_id, e.person_id, e.body FROM open o JOIN record_version e "
                + "ON e.municipality_id = ? AND e.person_id = o.person_id AND e.entity = 'arrears_event' "
                + "AND e.body->>'caseId' = o.record_id::text) "
                + "SELECT o.person_id, o.record_id, ev.body->>'type', ev.body->>'step', ev.body->>'date' FROM open o "
                + "LEFT JOIN ev ON ev.body->>'caseId' = o.record_id::text AND NOT EXISTS (SELECT 1 FROM ev x "
                + "WHERE x.person_id = ev.person_id AND x.body->>'corrects' = ev.record_id::text)";
        try (var ps = c.prepareStatement(sql)) {
            int i = persons.bind(c, ps, 1);
            ps.setObject(i++, municipality);
            ps.setObject(i, municipality);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID person = rs.getObject(1, UUID.class);
                    UUID caseId = rs.getObject(2, UUID.class);
                    OpenCase oc = byPerson.computeIfAbsent(person, k -> new LinkedHashMap<>())
                            .computeIfAbsent(caseId, k -> new OpenCase(k, new ArrayList<>()));
                    if (rs.getString(3) != null) {
                        Map<String, Object> event = new HashMap<>();
                        event.put("type", rs.getString(3));
                        event.put("step", rs.getString(4));
                        event.put("date", rs.getString(5));
                        oc.events().add(event);
                    }
                }
            }
        }
        Map<UUID, List<OpenCase>> out = new HashMap<>();
        byPerson.forEach((p, cases) -> out.put(p, new ArrayList<>(cases.values())));
        return out;
    }

    /** The latest two ratings of each person, latest first (by rating date, then by when they were recorded). */
    public Map<UUID, List<RatingSummary>> latestRatings(Connection c, UUID municipality, ScopedPersons persons)
            throws SQLException {
        Map<UUID, List<RatingSummary>> out = new HashMap<>();
        if (persons.isEmpty()) return out;
        StringBuilder areas = new StringBuilder();
        for (String area : Vocabulary.LIFE_AREAS) areas.append(", body->'areas'->'").append(area).append("'->>'level'");
        String sql = "WITH rt AS MATERIALIZED (SELECT r.person_id, r.record_id, r.created_at, r.body "
                + "FROM " + ScopedPersons.FROM + " JOIN record_version r ON r.person_id = s.p "
                + "WHERE r.municipality_id = ? AND r.entity = 'rating' AND " + ScopedPersons.VISIBLE + "), "
                + "e AS (SELECT rt.*, row_number() OVER (PARTITION BY rt.person_id ORDER BY (rt.body->>'ratedOn')::date "
                + "DESC, rt.created_at DESC, rt.record_id DESC) AS rn FROM rt WHERE NOT EXISTS (SELECT 1 FROM rt x "
                + "WHERE x.person_id = rt.person_id AND x.body->>'corrects' = rt.record_id::text)) "
                + "SELECT person_id, body->>'ratedOn', body->>'index'" + areas + " FROM e WHERE rn <= 2 "
                + "ORDER BY person_id, rn";
        try (var ps = c.prepareStatement(sql)) {
            int i = persons.bind(c, ps, 1);
            ps.setObject(i, municipality);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> levels = new LinkedHashMap<>();
                    for (int a = 0; a < Vocabulary.LIFE_AREAS.size(); a++) {
                        String level = rs.getString(4 + a);
                        if (level != null) levels.put(Vocabulary.LIFE_AREAS.get(a), level);
                    }
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new RatingSummary(LocalDate.parse(rs.getString(2)), rs.getString(3), levels));
                }
            }
        }
        return out;
    }

    public Map<UUID, Integer> openConflicts(Connection c, UUID municipality, ScopedPersons persons) throws SQLException {
        Map<UUID, Integer> out = new HashMap<>();
        if (persons.isEmpty()) return out;
        try (var ps = c.prepareStatement("SELECT person_id, count(*) FROM open_conflict "
                + "WHERE municipality_id = ? AND person_id = ANY(?) GROUP BY person_id")) {
            ps.setObject(1, municipality);
            ps.setArray(2, c.createArrayOf("uuid", persons.ids().toArray()));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getObject(1, UUID.class), rs.getInt(2));
            }
        }
        return out;
    }
}
