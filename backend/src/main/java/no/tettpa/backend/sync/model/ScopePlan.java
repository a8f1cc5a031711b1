package no.tettpa.backend.sync.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Compares what a device holds (its checkpoint) with what it may hold now, and decides: which categories of which
 * persons to evict, which to start sending from the beginning (newly visible), and which persons' basis or
 * categories changed (to tell the device). Pure: the pull engine does the reading.
 *
 * @param entries  the device's entries after evictions, with newly visible categories added at {@link Position#START}
 * @param evictions person → category mask to purge
 * @param changedScopes persons whose visible categories or basis differ from what the device was told
 */
public record ScopePlan(List<Checkpoint.Entry> entries, Map<UUID, Integer> evictions, List<VisibleScope> changedScopes) {

    public static ScopePlan of(Checkpoint held, Map<UUID, VisibleScope> visible) {
        Map<UUID, Integer> heldMask = new HashMap<>();
        Map<UUID, Basis> heldBasis = new HashMap<>();
        for (Checkpoint.Entry e : held.entries()) {
            heldMask.merge(e.personId(), e.categories(), (a, b) -> a | b);
            heldBasis.put(e.personId(), e.basis());
        }
        Map<UUID, Integer> evictions = new TreeMap<>();
        List<Checkpoint.Entry> entries = new ArrayList<>();
        for (Checkpoint.Entry e : held.entries()) {
            VisibleScope v = visible.get(e.personId());
            int keep = v == null ? 0 : e.categories() & v.categories();
            int drop = e.categories() & ~keep;
            if (drop != 0) evictions.merge(e.personId(), drop, (a, b) -> a | b);
            if (keep != 0) entries.add(new Checkpoint.Entry(e.personId(), keep, v.basis(), e.position()));
        }
        List<VisibleScope> changed = new ArrayList<>();
        Map<UUID, VisibleScope> ordered = new LinkedHashMap<>(new TreeMap<>(visible));
        for (VisibleScope v : ordered.values()) {
            int has = heldMask.getOrDefault(v.personId(), 0) & v.categories();
            int fresh = v.categories() & ~has;
            if (fresh != 0) entries.add(new Checkpoint.Entry(v.personId(), fresh, v.basis(), Position.START));
            if (fresh != 0 || heldBasis.get(v.personId()) != v.basis()) changed.add(v);
        }
        return new ScopePlan(entries, evictions, changed);
    }
}
