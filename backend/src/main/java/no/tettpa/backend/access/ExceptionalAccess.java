package no.tettpa.backend.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import no.tettpa.backend.audit.AuditLog;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.auth.Role;
import no.tettpa.backend.platform.Jdbc;
import no.tettpa.backend.platform.Sql;
import no.tettpa.backend.problem.Problem;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.problem.ProblemType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Short-lived exceptional access ("kortvarig tilgang", break the glass): a worker who must act for a person outside
 * their caseload opens access with a stated reason, for a bounded time. Everything done meanwhile is logged with the
 * basis "exceptional", and each use waits in the review queue of the person's team leaders until one reviews it.
 */
@Singleton
public class ExceptionalAccess {
    @Serdeable
    public record Request(@Nullable String reason, @Nullable Integer minutes) {}

    @Serdeable
    public record Review(@Nullable String note) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Use(UUID id, UUID personId, UUID staffId, String reason, Instant grantedAt, Instant expiresAt,
                      boolean active, @Nullable Instant reviewedAt, @Nullable UUID reviewedBy, @Nullable String reviewNote) {}

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final Duration defaultDuration;
    private final Duration maxDuration;

    public ExceptionalAccess(Jdbc jdbc, AuditLog audit,
                             @Property(name = "tettpa.access.exceptional-default", defaultValue = "2h") Duration defaultDuration,
                             @Property(name = "tettpa.access.exceptional-max", defaultValue = "8h") Duration maxDuration) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.defaultDuration = defaultDuration;
        this.maxDuration = maxDuration;
    }

    public Use open(Caller caller, UUID personId, Request r) {
        if (!AccessScopes.mayOpenExceptionalAccess(caller)) throw ProblemException.notFound("person");
        List<Problem.FieldError> errors = new ArrayList<>();
        String reason = r == null || r.reason() == null ? "" : r.reason().strip();
        if (reason.length() < 10 || reason.length() > 1000) {
            errors.add(new Problem.FieldError("reason", "state why, in 10 to 1000 characters"));
        }
        Duration duration = r == null || r.minutes() == null ? defaultDuration : Duration.ofMinutes(r.minutes());
        if (duration.isNegative() || duration.isZero() || duration.compareTo(maxDuration) > 0) {
            errors.add(new Problem.FieldError("minutes", "must be between 1 and " + maxDuration.toMinutes()));
        }
        if (!errors.isEmpty()) throw ProblemException.validation(errors);
        return jdbc.write(c -> {
            try (var ps = c.prepareStatement("SELECT 1 FROM person WHERE municipality_id = ? AND id = ?")) {
                ps.setObject(1, caller.municipalityId());
                ps.setObject(2, personId);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) throw ProblemException.notFound("person");
                }
            }
            UUID id = UUID.randomUUID();
            try (var ps = c.prepareStatement("INSERT INTO exceptional_access (municipality_id, id, person_id, staff_id, reason, "
                    + "expires_at) VALUES (?, ?, ?, ?, ?, now() + ?::interval)")) {
                ps.setObject(1, caller.municipalityId());
                ps.setObject(2, id);
                ps.setObject(3, personId);
                ps.setObject(4, caller.staffId());
                ps.setString(5, reason);
                ps.setString(6, duration.toSeconds() + " seconds");
                ps.executeUpdate();
            }
            audit.record(c, caller.municipalityId(), new AuditLog.Event(caller.staffId(), null, "exceptional_access",
                    personId, "exceptional", reason, Map.of("accessId", id.toString(), "minutes", duration.toMinutes())));
            return find(c, caller.municipalityId(), id);
        });
    }

    /** Uses awaiting (or, with {@code all}, also past) review, of persons on the leader's teams. */
    public List<Use> queue(Caller caller, UUID teamId, boolean all) {
        if (!caller.has(Role.TEAM_LEADER) || !caller.memberOf(teamId)) throw ProblemException.notFound("team");
        return jdbc.read(c -> {
            List<Use> out = new ArrayList<>();
            try (var ps = c.prepareStatement(SELECT + " e JOIN person p ON p.municipality_id = e.municipality_id "
                    + "AND p.id = e.person_id WHERE e.municipality_id = ? AND p.team_id = ?"
                    + (all ? "" : " AND e.reviewed_at IS NULL") + " ORDER BY e.granted_at")) {
                ps.setObject(1, caller.municipalityId());
                ps.setObject(2, teamId);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) out.add(use(rs));
                }
            }
            return out;
        });
    }

    public Use review(Caller caller, UUID accessId, Review r) {
        return jdbc.write(c -> {
            UUID team = null;
            try (var ps = c.prepareStatement("SELECT p.team_id FROM exceptional_access e JOIN person p ON "
                    + "p.municipality_id = e.municipality_id AND p.id = e.person_id WHERE e.municipality_id = ? AND e.id = ?")) {
                ps.setObject(1, caller.municipalityId());
                ps.setObject(2, accessId);
                try (var rs = ps.executeQuery()) {
                    if (rs.next()) team = rs.getObject(1, UUID.class);
                }
            }
            if (team == null || !caller.has(Role.TEAM_LEADER) || !caller.memberOf(team)) {
                throw ProblemException.notFound("exceptional access");
            }
            Use use = find(c, caller.municipalityId(), accessId);
            if (use.reviewedAt() != null) throw new ProblemException(ProblemType.CONFLICT, "Already reviewed");
            if (use.staffId().equals(caller.staffId())) {
                throw ProblemException.forbidden("Nobody reviews their own exceptional access");
            }
            Sql.update(c, "UPDATE exceptional_access SET reviewed_at = now(), reviewed_by = ?, review_note = ? "
                    + "WHERE municipality_id = ? AND id = ?", caller.staffId(), r == null ? null : r.note(),
                    caller.municipalityId(), accessId);
            audit.record(c, caller.municipalityId(), new AuditLog.Event(caller.staffId(), null, "review", use.personId(),
                    "team_leader", "exceptional access reviewed", Map.of("accessId", accessId.toString())));
            return find(c, caller.municipalityId(), accessId);
        });
    }

    private static final String SELECT = "SELECT e.id, e.person_id, e.staff_id, e.reason, e.granted_at, e.expires_at, "
            + "e.expires_at > now(), e.reviewed_at, e.reviewed_by, e.review_note FROM exceptional_access";

    private static Use find(Connection c, UUID m, UUID id) throws SQLException {
        return Sql.one(c, SELECT + " e WHERE e.municipality_id = ? AND e.id = ?", ExceptionalAccess::use, m, id);
    }

    private static Use use(ResultSet rs) throws SQLException {
        return new Use(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getBoolean(7),
                Sql.instant(rs, 8), rs.getObject(9, UUID.class), rs.getString(10));
    }
}
