package no.tettpa.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps a record's view (what the app shows) equal to its server copy with the device's pending mutations
 * applied on top, in seq order. Called whenever either side changes.
 */
final class RecordViews {
    private RecordViews() {}

    static void refresh(StoreTransaction tx, UUID recordId) {
        Optional<LocalRecord> row = tx.record(recordId);
        List<OutboxEntry> pending = tx.outboxForRecord(recordId);
        if (row.isEmpty()) {
            if (pending.isEmpty()) return;
            OutboxEntry first = pending.get(0);
            // A change made offline about a person the device no longer holds is pushed, never shown.
            if (!Scopes.holds(tx, first.personId(), first.category())) return;
            row = Optional.of(new LocalRecord(recordId, first.entity(), first.personId(), first.category(), 0, false,
                    null, false, null, true, true));
        }
        LocalRecord r = row.get();
        if (r.serverVersion() == 0 && pending.isEmpty()) {
            tx.deleteRecord(recordId);
            return;
        }
        boolean deleted = r.serverDeleted() || r.serverFields() == null;
        Map<String, Object> view = deleted ? new TreeMap<>() : new TreeMap<>(r.serverFields());
        for (OutboxEntry m : pending) {
            switch (m.op()) {
                case "create" -> {
                    if (deleted) view.clear();
                    putAll(view, m.fields());
                    deleted = false;
                }
                case "update" -> {
                    putAll(view, m.fields());
                    deleted = false;
                }
                case "delete" -> deleted = true;
                default -> throw new IllegalStateException("unknown op " + m.op());
            }
        }
        tx.putRecord(r.withView(view, deleted, !pending.isEmpty()));
    }

    /** Sets each field; null clears it (absent means null on the wire). */
    static void putAll(Map<String, Object> target, Map<String, Object> fields) {
        if (fields == null) return;
        fields.forEach((k, v) -> {
            if (v == null) target.remove(k);
            else target.put(k, v);
        });
    }
}
