package no.tettpa.backend.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.platform.Jdbc;
import no.tettpa.backend.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The team leader's view of unusual access to the team's persons, so that the logs are actually checked
 * (Normen faktaark 15): exceptional access not yet reviewed; access at night (22–06, Norwegian time); writes refused
 * because the person was outside the writer's scope (consent withdrawn, access ended); and staff who opened many
 * persons' records over the API in one day.
 */
@Singleton
public class UnusualAccess {
    static final int MANY_PERSONS_A_DAY = 20;

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String kind, @Nullable UUID personId, @Nullable UUID staffId, Instant at, @Nullable String detail) {}

    private final Jdbc jdbc;

    public UnusualAccess(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<Item> forTeam(Caller caller, UUID teamId, int days) {
        if (!AccessLogService.leads(caller, teamId)) throw ProblemException.notFound("team");
        int window = Math.max(1, Math.min(days, 366));
        return jdbc.read(c -> {
            List<Item> out = new ArrayList<>();
            String persons = "SELECT id FROM person WHERE municipality_id = ? AND team_id = ?";
            try (var ps = c.prepareStatement("SELECT person_id, staff_id, granted_at, reason FROM exceptional_access "
                    + "WHERE municipality_id = ? AND reviewed_at IS NULL AND person_id IN (" + persons + ") ORDER BY granted_at")) {
                ps.setObject(1, caller.municipalityId());
                ps.setObject(2, caller.municipalityId());
                ps.setObject(3, teamId);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Item("exceptional_access_unreviewed", rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(), rs.getString(4)));
                }
            }
            try (var ps = c.prepareStatement("SELECT person_id, actor_id, at, action FROM audit_event WHERE municipality_id = ? "
                    + "AND at > now() - ?::interval AND action IN ('read', 'delivery', 'write') AND person_id IN (" + persons + ") "
                    + "AND (extract(hour FROM at AT TIME ZONE 'Europe/Oslo') >= 22 OR extract(hour FROM at AT TIME ZONE 'Europe/Oslo') < 6) "
                    + "ORDER BY at LIMIT 500")) {
                ps.setObject(1, caller.municipalityId());
                ps.setString(2, window + " days");
                ps.setObject(3, caller.municipalityId());
                ps.setObject(4, teamId);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Item("at_night", rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getTimestamp(3).toInstant(), rs.getString(4)));
                }
            }
            try (var ps = c.prepareStatement("SELECT f.person_id, d.staff_id, f.flagged_at, f.reason FROM flagged_mutation f "
                    + "JOIN device d ON d.municipality_id = f.municipality_id AND d.id = f.device_id WHERE f.municipality_id = ? "
                    + "AND f.reviewed_at IS NULL AND f.person_id IN (" + persons + ") ORDER BY f.flagged_at LIMIT 500")) {
                ps.setObject(1, caller.municipalityId());
                ps.setObject(2, caller.municipalityId());
                ps.setObject(3, teamId);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Item("write_outside_scope", rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(), rs.getString(4)));
                }
            }
            try (var ps = c.prepareStatement("SELECT actor_id, date_trunc('day', at AT TIME ZONE 'Europe/Oslo'), "
                    + "count(DISTINCT person_id), max(at) FROM audit_event WHERE municipality_id = ? AND action = 'read' "
                    + "AND at > now() - ?::interval AND actor_id IN (SELECT staff_id FROM team_member WHERE municipality_id = ? "
                    + "AND team_id = ?) GROUP BY 1, 2 HAVING count(DISTINCT person_id) > ?")) {
                ps.setObject(1, caller.municipalityId());
                ps.setString(2, window + " days");
                ps.setObject(3, caller.municipalityId());
                ps.setObject(4, teamId);
                ps.setInt(5, MANY_PERSONS_A_DAY);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Item("many_persons_read", null, rs.getObject(1, UUID.class),
                            rs.getTimestamp(4).toInstant(), rs.getLong(3) + " persons in one day"));
                }
            }
            return out;
        });
    }
}
