package no.tettpa.backend.devices;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The phones: each registered to one worker on first sync; listed and revoked by administrators, by leaders of the
 * owner's teams, and by the owner (a lost phone). A revoked device's next contact is answered with a wipe and every
 * later request is refused; what it sends is kept and flagged.
 */
@Singleton
public class DeviceService {
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeviceView(UUID id, UUID staffId, String status, Instant registeredAt, @Nullable Instant lastSeenAt,
                             long lastSeq, @Nullable String appVersion, @Nullable Integer schemaVersion,
                             @Nullable Instant revokedAt, @Nullable UUID revokedBy, @Nullable String revokeReason,
                             @Nullable Instant wipeSentAt) {}

    @Serdeable
    public record Revocation(@Nullable String reason) {}

    private final Jdbc jdbc;
    private final AuditLog audit;

    public DeviceService(Jdbc jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Devices the caller may manage: everyone's (administrator), their teams' members' (leader), their own. */
    public List<DeviceView> list(Caller caller, UUID staffId) {
        return jdbc.read(c -> {
            List<DeviceView> out = new ArrayList<>();
            try (var ps = c.prepareStatement(SELECT + " WHERE municipality_id = ?" + (staffId == null ? "" : " AND staff_id = ?")
                    + " ORDER BY registered_at")) {
                ps.setObject(1, caller.municipalityId());
                if (staffId != null) ps.setObject(2, staffId);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        DeviceView d = view(rs);
                        if (mayManage(c, caller, d.staffId())) out.add(d);
                    }
                }
            }
            return out;
        });
    }

    public DeviceView revoke(Caller caller, UUID deviceId, Revocation r) {
        String reason = r == null || r.reason() == null ? "" : r.reason().strip();
        if (reason.isEmpty() || reason.length() > 500) {
            throw ProblemException.validation(List.of(new Problem.FieldError("reason", "state why, in at most 500 characters")));
        }
        return jdbc.write(c -> {
            DeviceView d = find(c, caller.municipalityId(), deviceId);
            if (d == null || !mayManage(c, caller, d.staffId())) throw ProblemException.notFound("device");
            if ("revoked".equals(d.status())) throw new ProblemException(ProblemType.CONFLICT, "The device is already revoked");
            Sql.update(c, "UPDATE device SET status = 'revoked', revoked_at = now(), revoked_by = ?, revoke_reason = ? "
                    + "WHERE municipality_id = ? AND id = ?", caller.staffId(), reason, caller.municipalityId(), deviceId);
            audit.record(c, caller.municipalityId(), new AuditLog.Event(caller.staffId(), deviceId, "device", null,
                    "administration", "device revoked", Map.of("owner", d.staffId().toString(), "reason", reason)));
            return find(c, caller.municipalityId(), deviceId);
        });
    }

    private static boolean mayManage(Connection c, Caller caller, UUID owner) throws SQLException {
        if (caller.has(Role.ADMINISTRATOR) || owner.equals(caller.staffId())) return true;
        if (!caller.has(Role.TEAM_LEADER) || caller.teamIds().isEmpty()) return false;
        try (var ps = c.prepareStatement("SELECT 1 FROM team_member WHERE municipality_id = ? AND staff_id = ? AND team_id = ANY(?)")) {
            ps.setObject(1, caller.municipalityId());
            ps.setObject(2, owner);
            ps.setArray(3, c.createArrayOf("uuid", caller.teamIds().toArray()));
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static final String SELECT = "SELECT id, staff_id, status, registered_at, last_seen_at, last_seq, app_version, "
            + "schema_version, revoked_at, revoked_by, revoke_reason, wipe_sent_at FROM device";

    private static DeviceView find(Connection c, UUID m, UUID id) throws SQLException {
        return Sql.one(c, SELECT + " WHERE municipality_id = ? AND id = ?", DeviceService::view, m, id);
    }

    private static DeviceView view(ResultSet rs) throws SQLException {
        return new DeviceView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getTimestamp(4).toInstant(), Sql.instant(rs, 5), rs.getLong(6), rs.getString(7),
                (Integer) rs.getObject(8), Sql.instant(rs, 9), rs.getObject(10, UUID.class), rs.getString(11), Sql.instant(rs, 12));
    }
}
