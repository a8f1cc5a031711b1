package no.tettpa.backend.reporting;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Property;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import no.tettpa.backend.access.TeamAccess;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.auth.Role;
import no.tettpa.backend.platform.Jdbc;
import no.tettpa.backend.problem.Problem;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.reporting.model.EvictionStep;
import no.tettpa.backend.reporting.model.Situation;
import no.tettpa.backend.reporting.model.YearlyReport;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The yearly report (Husbanken's template and the national indicators), for the municipality (administrators) or
 * for the teams a leader leads. Only suppressed aggregates leave it: no person is named or counted alone.
 */
@Singleton
public class YearlyReportService {
    public static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");
    public static final int MAX_COMMENT = 4000;
    public static final int FIRST_YEAR = 2000;

    private final Jdbc jdbc;
    private final ReportComments comments;
    private final int threshold;

    public YearlyReportService(Jdbc jdbc, ReportComments comments,
                               @Property(name = "tettpa.reporting.suppression-threshold", defaultValue = "5") int threshold) {
        if (threshold < 1) throw new IllegalArgumentException("tettpa.reporting.suppression-threshold must be at least 1");
        this.jdbc = jdbc;
        this.comments = comments;
        this.threshold = threshold;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorView(String id, String description, List<YearlyReport.Figure> figures,
                                ReportComments.Comment comment) {}

    /** {@code scope}: {@code municipality}, or {@code teams} with the teams counted. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportView(UUID municipalityId, String municipalityNumber, String municipalityName, int year,
                             boolean preliminary, String scope, List<UUID> teamIds, int suppressionThreshold,
                             Instant generatedAt, List<IndicatorView> indicators) {}

    private record Scope(List<UUID> teams) {
        boolean municipality() {
            return teams == null;
        }
    }

    public ReportView report(Caller caller, int year, UUID teamId) {
        checkYear(year);
        Scope scope = scope(caller, teamId);
        return jdbc.read(c -> {
            if (teamId != null) requireTeam(c, caller.municipalityId(), teamId);
            UUID m = caller.municipalityId();
            LocalDate today = LocalDate.now(NORWAY);
            YearlyReport.Report r = YearlyReport.compute(year, today, households(c, m, scope).values(),
                    evictionSteps(c, m, scope), threshold);
            Map<String, ReportComments.Comment> notes = comments.current(c, m, year);
            List<IndicatorView> indicators = new ArrayList<>();
            for (YearlyReport.Indicator i : r.indicators()) {
                indicators.add(new IndicatorView(i.id(), i.description(), i.figures(), notes.get(i.id())));
            }
            String[] mun = municipality(c, m);
            return new ReportView(m, mun[0], mun[1], year, r.preliminary(),
                    scope.municipality() ? "municipality" : "teams", scope.teams(), threshold, Instant.now(), indicators);
        });
    }

    public ReportComments.Comment comment(Caller caller, int year, String indicator, String text) {
        checkYear(year);
        if (!caller.has(Role.ADMINISTRATOR) && !caller.has(Role.TEAM_LEADER)) {
            throw ProblemException.forbidden("Only team leaders and administrators comment on the yearly report");
        }
        if (!YearlyReport.isIndicator(indicator)) throw ProblemException.notFound("indicator");
        if (text == null) throw ProblemException.validation(List.of(new Problem.FieldError("comment", "is required")));
        if (text.codePointCount(0, text.length()) > MAX_COMMENT) {
            throw ProblemException.validation(List.of(new Problem.FieldError("comment",
                    "must be at most " + MAX_COMMENT + " characters")));
        }
        if (text.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
            throw ProblemException.validation(List.of(new Problem.FieldError("comment",
                    "must not contain control characters")));
        }
        return jdbc.write(c -> comments.write(c, caller.municipalityId(), year, indicator, text.strip(),
                caller.staffId(), caller.displayName()));
    }

    /** An administrator reports on the municipality or any of its teams; a leader on their own teams only. */
    private static Scope scope(Caller caller, UUID teamId) {
        if (teamId != null) {
            if (caller.has(Role.ADMINISTRATOR) || TeamAccess.leads(caller, teamId)) return new Scope(List.of(teamId));
            throw ProblemException.notFound("team");
        }
        if (caller.has(Role.ADMINISTRATOR)) return new Scope(null);
        if (caller.has(Role.TEAM_LEADER) && !caller.teamIds().isEmpty()) {
            return new Scope(caller.teamIds().stream().sorted().toList());
        }
        throw ProblemException.forbidden("The yearly report is for team leaders and administrators");
    }

    static void checkYear(int year) {
        int now = LocalDate.now(NORWAY).getYear();
        if (year < FIRST_YEAR || year > now) {
            throw new ProblemException(no.tettpa.backend.problem.ProblemType.INVALID_PARAMETER,
                    "year must be between " + FIRST_YEAR + " and " + now);
        }
    }

    private static void requireTeam(Connection c, UUID m, UUID teamId) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM team WHERE municipality_id = ? AND id = ?")) {
            ps.setObject(1, m);
            ps.setObject(2, teamId);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) throw ProblemException.notFound("team");
            }
        }
    }

    private static String[] municipality(Connection c, UUID m) throws SQLException {
        try (var ps = c.prepareStatement("SELECT number, name FROM municipality WHERE id = ?")) {
            ps.setObject(1, m);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2)};
            }
        }
    }

    private static String inScope(Scope scope) {
        return scope.municipality() ? "" : " AND p.team_id = ANY(?)";
    }

    private static int bindScope(Connection c, java.sql.PreparedStatement ps, int i, Scope scope) throws SQLException {
        if (!scope.municipality()) ps.setArray(i++, c.createArrayOf("uuid", scope.teams().toArray()));
        return i;
    }

    /** Each household's housing situations; entries corrected by a later one left out. */
    private static Map<UUID, List<Situation>> households(Connection c, UUID m, Scope scope) throws SQLException {
        Map<UUID, List<Situation>> out = new HashMap<>();
        String sql = "WITH h AS MATERIALIZED (SELECT r.person_id, r.record_id, r.body, r.created_at FROM person p "
                + "JOIN record_version r ON r.municipality_id = p.municipality_id AND r.person_id = p.id "
                + "WHERE p.municipality_id = ? AND r.entity = 'housing_situation' AND NOT r.deleted" + inScope(scope) + ") "
                + "SELECT h.person_id, h.body->>'from', h.body->>'situation', h.body->>'childrenInHousehold', h.created_at "
                + "FROM h WHERE NOT EXISTS (SELECT 1 FROM h y WHERE y.person_id = h.person_id "
                + "AND y.body->>'corrects' = h.record_id::text)";
        try (var ps = c.prepareStatement(sql)) {
            ps.setObject(1, m);
            bindScope(c, ps, 2, scope);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Situation(
                            LocalDate.parse(rs.getString(2)), rs.getString(3), "true".equals(rs.getString(4)),
                            rs.getTimestamp(5).toInstant()));
                }
            }
        }
        return out;
    }

    private static List<EvictionStep> evictionSteps(Connection c, UUID m, Scope scope) throws SQLException {
        List<EvictionStep> out = new ArrayList<>();
        String sql = "WITH e AS MATERIALIZED (SELECT r.person_id, r.record_id, r.body FROM person p "
                + "JOIN record_version r ON r.municipality_id = p.municipality_id AND r.person_id = p.id "
                + "WHERE p.municipality_id = ? AND r.entity = 'arrears_event' AND NOT r.deleted" + inScope(scope) + ") "
                + "SELECT e.body->>'caseId', e.body->>'step', e.body->>'date' FROM e WHERE e.body->>'type' = 'legal_step' "
                + "AND e.body->>'step' IN ('petition_filed', 'eviction_carried_out') AND NOT EXISTS (SELECT 1 FROM e y "
                + "WHERE y.person_id = e.person_id AND y.body->>'corrects' = e.record_id::text)";
        try (var ps = c.prepareStatement(sql)) {
            ps.setObject(1, m);
            bindScope(c, ps, 2, scope);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EvictionStep(UUID.fromString(rs.getString(1)), rs.getString(2),
                            LocalDate.parse(rs.getString(3))));
                }
            }
        }
        return out;
    }
}
