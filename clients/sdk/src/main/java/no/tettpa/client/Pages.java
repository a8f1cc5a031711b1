package no.tettpa.client;

import no.tettpa.sync.merge.Values;
import no.tettpa.sync.schema.Schemas;
import no.tettpa.sync.wire.Change;
import no.tettpa.sync.wire.PullPage;

import java.time.Instant;
import java.util.Map;

/**
 * Applies one pull page (PROTOCOL.md § 7.2), inside the caller's transaction so that evictions, scopes, changes and
 * the checkpoint are stored together or not at all.
 */
final class Pages {
    private Pages() {}

    /** What a page did, for the sync report. */
    record Applied(int changes, int evictions) {}

    static Applied apply(StoreTransaction tx, PullPage page, Instant now) {
        int evictions = 0;
        if (page.evictions() != null) {
            for (PullPage.Eviction e : page.evictions()) {
                Purges.evict(tx, e, now);
                evictions++;
            }
        }
        if (page.scopes() != null) {
            for (PullPage.Scope s : page.scopes()) {
                tx.putScope(new PersonScope(s.personId(), s.categories() == null ? java.util.List.of() : s.categories(),
                        s.basis(), s.until()));
            }
        }
        int changes = 0;
        if (page.changes() != null) {
            for (Change c : page.changes()) {
                if (apply(tx, c)) changes++;
            }
        }
        tx.putMeta(Meta.CHECKPOINT, page.checkpoint());
        return new Applied(changes, evictions);
    }

    /**
     * Keeps the change if its version is higher than the copy held, or equal to a copy the device built itself
     * from an outcome; ignores it otherwise, so repeated and reordered deliveries are harmless. A tombstone is
     * kept as a tombstone, so an older version arriving later cannot bring the record back.
     */
    static boolean apply(StoreTransaction tx, Change c) {
        if (Schemas.entity(c.entity()).isEmpty() || c.id() == null) return false;
        LocalRecord r = tx.record(c.id()).orElse(null);
        if (r != null && !(c.version() > r.serverVersion() || c.version() == r.serverVersion() && !r.serverComplete())) {
            return false;
        }
        Map<String, Object> fields = c.deleted() || c.fields() == null ? null : Values.normalizeMap(c.fields());
        LocalRecord base = r != null ? r : new LocalRecord(c.id(), c.entity(), c.personId(),
                Categories.of(c.entity(), fields), 0, false, null, false, null, true, false);
        tx.putRecord(base.withServerCopy(c.version(), c.deleted(), fields, true));
        RecordViews.refresh(tx, c.id());
        return true;
    }
}
