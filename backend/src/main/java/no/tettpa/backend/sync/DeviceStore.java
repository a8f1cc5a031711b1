package no.tettpa.backend.sync;

import no.tettpa.backend.platform.Sql;
import jakarta.inject.Singleton;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.problem.ProblemType;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** The devices table: registration on first contact, the applied-sequence watermark, revocation state. */
@Singleton
public class DeviceStore {
    /** Told when a device registers itself on first contact (the access log). */
    public interface RegistrationListener {
        void registered(Connection c, Caller caller, UUID deviceId) throws SQLException;
    }

    private final java.util.List<RegistrationListener> listeners;

    public DeviceStore(java.util.List<RegistrationListener> listeners) {
        this.listeners = listeners;
    }

    public record Device(UUID id, UUID staffId, String status, long lastSeq, boolean wipeSent) {
        public boolean revoked() {
            return "revoked".equals(status);
        }
    }

    /**
     * The caller's device, registering it on first contact. With {@code lock}, the row stays locked until the
     * transaction ends: pushes from one device are judged one at a time, whichever server instance gets them.
     */
    public Device findOrRegister(Connection c, Caller caller, UUID deviceId, boolean lock) throws SQLException {
        Optional<Device> found = find(c, caller.municipalityId(), deviceId, lock);
        if (found.isEmpty()) {
            try (var ps = c.prepareStatement("INSERT INTO device (municipality_id, id, staff_id) VALUES (?, ?, ?) "
                    + "ON CONFLICT DO NOTHING")) {
                ps.setObject(1, caller.municipalityId());
                ps.setObject(2, deviceId);
                ps.setObject(3, caller.staffId());
                if (ps.executeUpdate() == 1) {
                    for (RegistrationListener l : listeners) l.registered(c, caller, deviceId);
                }
            }
            found = find(c, caller.municipalityId(), deviceId, lock);
        }
        Device d = found.orElseThrow(() -> new IllegalStateException("device row vanished"));
        if (!d.staffId().equals(caller.staffId())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "This device is registered to another staff member");
        }
        return d;
    }

    public Optional<Device> find(Connection c, UUID municipality, UUID deviceId, boolean lock) throws SQLException {
        try (var ps = c.prepareStatement("SELECT id, staff_id, status, last_seq, wipe_sent_at IS NOT NULL FROM device "
                + "WHERE municipality_id = ? AND id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setObject(1, municipality);
            ps.setObject(2, deviceId);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Device(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getLong(4), rs.getBoolean(5)));
            }
        }
    }

    public void advance(Connection c, UUID municipality, UUID deviceId, long lastSeq) throws SQLException {
        Sql.update(c, "UPDATE device SET last_seq = ? WHERE municipality_id = ? AND id = ?", lastSeq, municipality, deviceId);
    }

    /**
     * Notes when the device was last seen, at most once a minute (or when its app changes), so that the common
     * empty pull writes nothing and costs no commit.
     */
    public void seen(Connection c, UUID municipality, UUID deviceId, String hlc, int schemaVersion, String appVersion)
            throws SQLException {
        String app = appVersion == null ? null : appVersion.substring(0, Math.min(100, appVersion.length()));
        Sql.update(c, "UPDATE device SET last_seen_at = now(), last_hlc = ?, schema_version = ?, app_version = ? "
                + "WHERE municipality_id = ? AND id = ? AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute' "
                + "OR schema_version IS DISTINCT FROM ? OR app_version IS DISTINCT FROM ?)",
                hlc, schemaVersion, app, municipality, deviceId, schemaVersion, app);
    }
}
