package no.tettpa.backend.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.auth.Role;
import no.tettpa.backend.platform.Jdbc;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.sync.wire.MutationOutcome;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A mutation as received, with its outcome: how a rejected (or any) change stays retrievable. Readable by the
 * device's owner and by team leaders of the owner's teams; 404 for anyone else.
 */
@Singleton
public class StoredMutations {
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoredMutation(UUID deviceId, long seq, Map<String, Object> received,
                                 @Nullable MutationOutcome outcome, @Nullable String flagged) {}

    private final Jdbc jdbc;
    private final SyncStore store;
    private final DeviceStore devices;
    private final SyncJson json;

    public StoredMutations(Jdbc jdbc, SyncStore store, DeviceStore devices, SyncJson json) {
        this.jdbc = jdbc;
        this.store = store;
        this.devices = devices;
        this.json = json;
    }

    public StoredMutation find(Caller caller, UUID deviceId, long seq) {
        return jdbc.read(c -> {
            var device = devices.find(c, caller.municipalityId(), deviceId, false)
                    .orElseThrow(() -> ProblemException.notFound("device"));
            if (!mayRead(c, caller, device.staffId())) {
                throw ProblemException.notFound("device");
            }
            byte[] raw = store.received(c, caller.municipalityId(), device.id(), seq)
                    .orElseThrow(() -> ProblemException.notFound("mutation"));
            Map<String, Object> mutation = findMutation(raw, seq).orElseThrow(() -> ProblemException.notFound("mutation"));
            MutationOutcome outcome = store.outcomes(c, caller.municipalityId(), device.id(), seq, seq).get(seq);
            return new StoredMutation(device.id(), seq, mutation, outcome, flag(c, caller.municipalityId(), device.id(), seq));
        });
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> findMutation(byte[] raw, long seq) {
        Map<String, Object> request = json.readMap(new String(raw, StandardCharsets.UTF_8));
        if (request.get("mutations") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("seq") instanceof Number n && n.longValue() == seq) {
                    return Optional.of((Map<String, Object>) m);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean mayRead(Connection c, Caller caller, UUID owner) throws SQLException {
        // Its content is about a person: administrators, who hold no person data, do not read it.
        if (owner.equals(caller.staffId())) return true;
        if (!caller.has(Role.TEAM_LEADER)) return false;
        try (var ps = c.prepareStatement("SELECT 1 FROM team_member WHERE municipality_id = ? AND staff_id = ? "
                + "AND team_id = ANY(?)")) {
            ps.setObject(1, caller.municipalityId());
            ps.setObject(2, owner);
            ps.setArray(3, c.createArrayOf("uuid", caller.teamIds().toArray()));
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String flag(Connection c, UUID municipality, UUID deviceId, long seq) throws SQLException {
        try (var ps = c.prepareStatement("SELECT reason FROM flagged_mutation WHERE municipality_id = ? AND device_id = ? AND seq = ?")) {
            ps.setObject(1, municipality);
            ps.setObject(2, deviceId);
            ps.setLong(3, seq);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
