package no.tettpa.backend.persons;

import no.tettpa.backend.platform.Sql;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.auth.Role;
import no.tettpa.backend.platform.Jdbc;
import no.tettpa.backend.problem.Problem;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.sync.RecordStore;
import no.tettpa.backend.sync.ServerClock;
import no.tettpa.sync.merge.Stamp;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Hands a person over to another team or coordinator. The caseload (and so every device's scope) follows at once;
 * the person's records stay with the person, so the new team gets the whole history and the old team's devices are
 * told to evict at their next sync. Done by a leader of the person's current team or an administrator.
 */
@Singleton
public class Handover {
    @Serdeable
    public record Request(@NotNull UUID teamId, @Nullable UUID coordinatorId, @Nullable @Size(max = 2000) String note) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(UUID fromTeamId, @Nullable UUID fromCoordinatorId, UUID toTeamId, @Nullable UUID toCoordinatorId,
                        UUID handedOverBy, Instant handedOverAt, @Nullable String note) {}

    private final Jdbc jdbc;
    private final RecordStore records;
    private final ServerClock clock;
    private final no.tettpa.backend.audit.AuditLog audit;

    public Handover(Jdbc jdbc, RecordStore records, ServerClock clock, no.tettpa.backend.audit.AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.records = records;
        this.clock = clock;
    }

    public Entry handOver(Caller caller, UUID personId, Request r) {
        return jdbc.write(c -> {
            UUID m = caller.municipalityId();
            UUID[] current = currentTeamAndCoordinator(c, m, personId, true);
            if (current == null || !(caller.has(Role.ADMINISTRATOR) || caller.has(Role.TEAM_LEADER) && caller.memberOf(current[0]))) {
                throw ProblemException.notFound("person");
            }
            List<Problem.FieldError> errors = new ArrayList<>();
            if (!Sql.exists(c, "SELECT 1 FROM team WHERE municipality_id = ? AND id = ?", m, r.teamId())) {
                errors.add(new Problem.FieldError("teamId", "no such team"));
            }
            if (r.coordinatorId() != null && !Sql.exists(c, "SELECT 1 FROM team_member WHERE municipality_id = ? AND staff_id = ? "
                    + "AND team_id = ?", m, r.coordinatorId(), r.teamId())) {
                errors.add(new Problem.FieldError("coordinatorId", "must be a member of the receiving team"));
            }
            if (!errors.isEmpty()) throw ProblemException.validation(errors);

            Sql.update(c, "UPDATE person SET team_id = ?, coordinator_id = ? WHERE municipality_id = ? AND id = ?",
                    r.teamId(), r.coordinatorId(), m, personId);
            writePersonRecord(c, caller, personId, r);
            Sql.update(c, "INSERT INTO person_handover (municipality_id, person_id, from_team_id, from_coordinator_id, "
                    + "to_team_id, to_coordinator_id, handed_over_by, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    m, personId, current[0], current[1], r.teamId(), r.coordinatorId(), caller.staffId(), r.note());
            Map<String, Object> details = new TreeMap<>();
            details.put("fromTeam", current[0].toString());
            details.put("toTeam", r.teamId().toString());
            if (r.coordinatorId() != null) details.put("toCoordinator", r.coordinatorId().toString());
            audit.record(c, m, new no.tettpa.backend.audit.AuditLog.Event(caller.staffId(), null, "handover", personId,
                    caller.has(Role.ADMINISTRATOR) ? "administration" : "caseload", "hand-over", details));
            return new Entry(current[0], current[1], r.teamId(), r.coordinatorId(), caller.staffId(), Instant.now(), r.note());
        });
    }

    public List<Entry> history(Caller caller, UUID personId) {
        return jdbc.read(c -> {
            UUID[] current = currentTeamAndCoordinator(c, caller.municipalityId(), personId, false);
            if (current == null || !(caller.has(Role.ADMINISTRATOR) || caller.memberOf(current[0]))) {
                throw ProblemException.notFound("person");
            }
            List<Entry> out = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT from_team_id, from_coordinator_id, to_team_id, to_coordinator_id, "
                    + "handed_over_by, handed_over_at, note FROM person_handover WHERE municipality_id = ? AND person_id = ? ORDER BY id")) {
                ps.setObject(1, caller.municipalityId());
                ps.setObject(2, personId);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getTimestamp(6).toInstant(),
                                rs.getString(7)));
                    }
                }
            }
            return out;
        });
    }

    /** The person record carries its team and coordinator, so devices know them; written as a new version. */
    private void writePersonRecord(Connection c, Caller caller, UUID personId, Request r) throws SQLException {
        records.lockPersons(c, caller.municipalityId(), List.of(personId));
        RecordStore.StoredRecord cur = records.current(c, caller.municipalityId(), List.of(personId)).get(personId);
        if (cur == null) return;
        Map<String, Object> body = new TreeMap<>(cur.body());
        Map<String, Stamp> stamps = new TreeMap<>(cur.stamps());
        Stamp stamp = new Stamp(clock.now(), caller.staffId().toString(), null);
        body.put("teamId", r.teamId().toString());
        stamps.put("teamId", stamp);
        if (r.coordinatorId() == null) body.remove("coordinatorId");
        else body.put("coordinatorId", r.coordinatorId().toString());
        stamps.put("coordinatorId", stamp);
        records.insert(c, caller.municipalityId(), List.of(new RecordStore.NewVersion(personId, cur.version() + 1, personId,
                "person", cur.category(), false, body, stamps, null, caller.staffId(), null, null)));
    }

    private static UUID[] currentTeamAndCoordinator(Connection c, UUID m, UUID personId, boolean lock) throws SQLException {
        try (var ps = c.prepareStatement("SELECT team_id, coordinator_id FROM person WHERE municipality_id = ? AND id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            ps.setObject(1, m);
            ps.setObject(2, personId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)} : null;
            }
        }
    }

}
