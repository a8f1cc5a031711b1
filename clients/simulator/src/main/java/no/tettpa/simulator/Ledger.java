package no.tettpa.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every mutation any device queued, with the values it wrote: what the final check accounts for. Keyed by device
 * and seq, as the server keys them.
 */
final class Ledger {

    /**
     * One mutation as the device queued it.
     *
     * @param before             for set-valued fields, the value the device showed before the change (to tell its
     *                           additions from what it merely sent back)
     * @param targetSeenVersion  for a conflict resolution, the version of the conflict's record the device held
     */
    record Entry(UUID deviceId, long seq, String entity, String op, UUID recordId, UUID personId, Long baseVersion,
                 Map<String, Object> fields, Map<String, Object> before, Long targetSeenVersion) {}

    record Key(UUID deviceId, long seq) {}

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    void add(Entry e) {
        entries.put(new Key(e.deviceId(), e.seq()), e);
    }

    Entry get(UUID deviceId, long seq) {
        return entries.get(new Key(deviceId, seq));
    }

    List<Entry> all() {
        return new ArrayList<>(entries.values());
    }

    int size() {
        return entries.size();
    }
}
