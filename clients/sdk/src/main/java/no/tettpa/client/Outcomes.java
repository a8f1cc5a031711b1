package no.tettpa.client;

import no.tettpa.sync.merge.Values;
import no.tettpa.sync.wire.Change;
import no.tettpa.sync.wire.MutationOutcome;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Applies the server's outcome for one pending mutation (PROTOCOL.md § 4): the mutation leaves the outbox, and
 * <ul>
 *   <li>{@code applied}: the server's copy becomes the device's copy plus this change, at the outcome's version
 *       (marked incomplete until the pull brings the fields the server derives);</li>
 *   <li>{@code merged}, {@code conflict}: the server's copy becomes the outcome's {@code record};</li>
 *   <li>{@code rejected}: the mutation moves to the needs-attention list with its reason.</li>
 * </ul>
 * Later pending mutations stay on top of the new copy. An outcome for a seq no longer in the outbox was applied
 * before (a replayed answer) and changes nothing.
 */
final class Outcomes {
    private Outcomes() {}

    /** @return the outcome's status, or null when it was applied before */
    static String apply(StoreTransaction tx, MutationOutcome o, Instant now) {
        Optional<OutboxEntry> pending = tx.outboxEntry(o.seq());
        if (pending.isEmpty()) return null;
        OutboxEntry m = pending.get();
        tx.removeOutbox(m.seq());
        boolean held = Scopes.holds(tx, m.personId(), m.category());
        String status = o.status() == null ? "unknown" : o.status();
        switch (status) {
            case "applied" -> {
                if (held) applied(tx, m, o);
                advanceLaterBases(tx, m, o.version());
            }
            case "merged", "conflict" -> {
                if (held && o.record() != null) replaced(tx, m, o.record());
                else if (held) applied(tx, m, o);
            }
            case "rejected" -> attention(tx, m, held, o.rejection(), now);
            default -> attention(tx, m, held, new MutationOutcome.Rejection("unknown_outcome", null,
                    "the server answered '" + status + "', which this app does not know"), now);
        }
        RecordViews.refresh(tx, m.recordId());
        return status;
    }

    private static void applied(StoreTransaction tx, OutboxEntry m, MutationOutcome o) {
        LocalRecord r = tx.record(m.recordId()).orElse(null);
        long version = o.version() != null ? o.version() : r == null ? 0 : r.serverVersion();
        if (r != null && r.serverComplete() && r.serverVersion() >= version) {
            return;
        }
        Map<String, Object> copy = r == null || r.serverFields() == null || "create".equals(m.op()) && r.serverDeleted()
                ? new TreeMap<>() : new TreeMap<>(r.serverFields());
        boolean deleted = "delete".equals(m.op());
        if (!deleted) RecordViews.putAll(copy, m.fields());
        LocalRecord base = r != null ? r : new LocalRecord(m.recordId(), m.entity(), m.personId(), m.category(), 0,
                false, null, false, null, true, true);
        tx.putRecord(base.withServerCopy(version, deleted, deleted ? null : copy, false));
    }

    /**
     * Mutations made after this one on the same record saw it: once it is applied as sent, they were made against
     * the version it produced.
     */
    private static void advanceLaterBases(StoreTransaction tx, OutboxEntry m, Long version) {
        if (version == null) return;
        for (OutboxEntry later : tx.outboxForRecord(m.recordId())) {
            if (later.seq() > m.seq() && later.baseVersion() != null && later.baseVersion() < version) {
                tx.putOutbox(later.withBaseVersion(version));
            }
        }
    }

    private static void replaced(StoreTransaction tx, OutboxEntry m, Change record) {
        LocalRecord r = tx.record(m.recordId()).orElse(null);
        if (r != null && r.serverComplete() && r.serverVersion() > record.version()) {
            return;
        }
        LocalRecord base = r != null ? r : new LocalRecord(m.recordId(), m.entity(), m.personId(), m.category(), 0,
                false, null, false, null, true, true);
        Map<String, Object> fields = record.deleted() ? null : Values.normalizeMap(record.fields());
        tx.putRecord(base.withServerCopy(record.version(), record.deleted(), fields, true));
    }

    private static void attention(StoreTransaction tx, OutboxEntry m, boolean held, MutationOutcome.Rejection r,
                                  Instant now) {
        String code = r == null ? "rejected" : r.code();
        tx.addAttention(new AttentionItem(0, "rejected", m.seq(), m.entity(), m.op(), m.recordId(), m.personId(),
                m.category(), held ? m.fields() : null, code, r == null ? null : r.field(),
                r == null ? "rejected without a reason" : r.message(), !held, now.toString()));
    }
}
