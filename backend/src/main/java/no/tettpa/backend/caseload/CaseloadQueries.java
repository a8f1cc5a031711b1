package no.tettpa.backend.caseload;

import jakarta.inject.Singleton;
import no.tettpa.backend.caseload.model.RatingSummary;
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
import java.util.UUID;

/**
 * The caseload overview's facts, read set-based: one query per kind of fact for all the persons of a caseload at
 * once, over the current versions in {@code record_version}, in the categories the caller may see of each person.
 * Appended records (visits, ratings, arrears events) have one version each, so they need no "latest version" step;
 * entries that a later entry {@code corrects} are left out.
 */
@Singleton
public class CaseloadQueries {

    /** The newest visits' story: the latest contact, failed attempts since, and the newest visit's next step. */
    public record VisitFacts(Instant lastContactAt, int failedAttemptsInRow, String nextStep, LocalDate nextStepDate) {}

    /** Active agreements: how many are due for evaluation by {@code dueBy}, and the earliest evaluation date. */
    public record AgreementFacts(int dueForEvaluation, LocalDate nextEvaluationDate) {}

    /** An open arrears case and its events (type, step, date), for computing its deadlines. */
    public record OpenCase(UUID caseId, List<Map<String, Object>> events) {}

    public Map<UUID, VisitFacts> visits(Connection c, UUID municipality, ScopedPersons persons) throws SQLException {
        Map<UUID, VisitFacts> out = new HashMap<>();
        if (persons.isEmpty()) return out;
        String sql = "WITH v AS MATERIALIZED (SELECT r.person_id, r.record_id, r.created_at, r.body->>'kind' AS kind, "
                + "(r.body->>'startedAt')::timestamptz AS at, r.body->>'corrects' AS corrects, "
                + "r.body->>'nextStep' AS next_step, r.body->>'nextStepDate' AS next_step_date "
                + "FROM " + ScopedPersons.FROM + " JOIN record_version r ON r.person_id = s.p "
                + "WHERE r.municipality_id = ? AND r.entity = 'visit' AND " + ScopedPersons.VISIBLE + "), "
                + "e AS (SELECT v.*, row_number() OVER (PARTITION BY v.person_id ORDER BY v.at DESC, v.created_at DESC, "
                + "v.record_id DESC) AS rn FROM v WHERE NOT EXISTS (SELECT 1 FROM v x WHERE x.person_id = v.person_id "
                + "AND x.corrects = v.record_id::text)) "
                + "SELECT person_id, max(at) FILTER (WHERE kind <> 'failed_attempt'), "
                + "coalesce(min(rn) FILTER (WHERE kind <> 'failed_attempt') - 1, count(*)), "
                + "max(next_step) FILTER (WHERE rn = 1), max(next_step_date) FILTER (WHERE rn = 1) "
                + "FROM e GROUP BY person_id";
        try (var ps = c.prepareStatement(sql)) {
            int i = persons.bind(c, ps, 1);
            ps.setObject(i, municipality);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Timestamp last = rs.getTimestamp(2);
                    String date = rs.getString(5);
                    out.put(rs.getObject(1, UUID.class), new VisitFacts(last == null ? null : last.toInstant(),
                            rs.getInt(3), rs.getString(4), date == null ? null : LocalDate.parse(date)));
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
