package no.tettpa.backend.audit;

import jakarta.inject.Singleton;
import no.tettpa.backend.sync.SyncJson;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes access-log events in the caller's transaction, so an event exists exactly when what it describes happened.
 * Insert-only: nothing in Tettpå updates or deletes an event; the chain ({@link AuditChainer}) makes any such change
 * detectable.
 */
@Singleton
public class AuditLog {
    /**
     * @param action  delivery, read, write, write_refused, eviction, purge, consent, exceptional_access, device,
     *                handover, review
     * @param basis   why the actor could do it: caseload, consent, exceptional, administration
     * @param purpose what for, in words ("list visit", "innsyn", "hand-over")
     */
    public record Event(UUID actorId, UUID deviceId, String action, UUID personId, String basis, String purpose,
                        Map<String, Object> details) {}

    private final SyncJson json;

    public AuditLog(SyncJson json) {
        this.json = json;
    }

    public void record(Connection c, UUID municipality, Event e) throws SQLException {
        record(c, municipality, List.of(e));
    }

    public void record(Connection c, UUID municipality, List<Event> events) throws SQLException {
        if (events.isEmpty()) return;
        int n = events.size();
        Object[] actors = new Object[n], devices = new Object[n], persons = new Object[n];
        String[] actions = new String[n], bases = new String[n], purposes = new String[n], details = new String[n];
        for (int i = 0; i < n; i++) {
            Event e = events.get(i);
            actors[i] = e.actorId();
            devices[i] = e.deviceId();
            persons[i] = e.personId();
            actions[i] = e.action();
            bases[i] = e.basis();
            purposes[i] = e.purpose();
            details[i] = json.write(e.details() == null ? Map.of() : e.details());
        }
        try (var ps = c.prepareStatement("INSERT INTO audit_event (municipality_id, actor_id, device_id, action, person_id, "
                + "basis, purpose, details) SELECT ?, u.a, u.d, u.act, u.p, u.b, u.pu, u.det::jsonb FROM unnest(?::uuid[], "
                + "?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[]) AS u(a, d, act, p, b, pu, det)")) {
            ps.setObject(1, municipality);
            ps.setArray(2, c.createArrayOf("uuid", actors));
            ps.setArray(3, c.createArrayOf("uuid", devices));
            ps.setArray(4, c.createArrayOf("text", actions));
            ps.setArray(5, c.createArrayOf("uuid", persons));
            ps.setArray(6, c.createArrayOf("text", bases));
            ps.setArray(7, c.createArrayOf("text", purposes));
            ps.setArray(8, c.createArrayOf("text", details));
            ps.executeUpdate();
        }
    }
}
