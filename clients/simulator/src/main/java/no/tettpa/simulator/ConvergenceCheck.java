package no.tettpa.simulator;

import no.tettpa.client.LocalRecord;
import no.tettpa.client.PersonScope;
import no.tettpa.sync.merge.Values;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * After the final sync, each device must hold exactly what the server holds for the persons its worker may see:
 * the same persons, the same records, at the same versions, with the same fields, and nothing pending.
 */
final class ConvergenceCheck {
    private ConvergenceCheck() {}

    /** @return one line per difference, empty when the device converged */
    static List<String> check(SimDevice device, ServerSnapshot server) {
        List<String> problems = new ArrayList<>();
        String who = "device " + device.index;
        Set<UUID> visible = server.visibleTo.getOrDefault(device.worker.staffId(), Set.of());
        Set<UUID> held = device.client().scopes().stream().map(PersonScope::personId).collect(Collectors.toSet());
        if (!held.equals(visible)) problems.add(who + ": holds persons " + held + ", may see " + visible);
        if (!device.client().outbox().isEmpty()) problems.add(who + ": " + device.client().outbox().size() + " still pending");

        Map<UUID, ServerSnapshot.Version> expected = server.currentAbout(visible);
        Map<UUID, LocalRecord> actual = new TreeMap<>();
        for (LocalRecord r : device.client().records(null, null)) actual.put(r.id(), r);
        Set<UUID> ids = new HashSet<>(expected.keySet());
        ids.addAll(actual.keySet());
        for (UUID id : ids) {
            ServerSnapshot.Version s = expected.get(id);
            LocalRecord d = actual.get(id);
            if (s == null) {
                problems.add(who + ": holds " + d.entity() + " " + id + " the server does not show it");
            } else if (d == null) {
                problems.add(who + ": lacks " + s.entity() + " " + id + " v" + s.version());
            } else if (d.serverVersion() != s.version() || d.pending()) {
                problems.add(who + ": " + s.entity() + " " + id + " at v" + d.serverVersion() + (d.pending() ? " (pending)" : "")
                        + ", server v" + s.version());
            } else if (!Values.same(Values.normalizeMap(d.fields()), Values.normalizeMap(s.body()))) {
                problems.add(who + ": " + s.entity() + " " + id + " v" + s.version() + " differs: " + d.fields() + " vs " + s.body());
            }
        }
        return problems;
    }
}
