package no.tettpa.backend.sync;

import jakarta.inject.Singleton;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.problem.ProblemType;
import no.tettpa.backend.sync.model.Checkpoint;
import no.tettpa.backend.sync.model.Position;
import no.tettpa.backend.sync.model.ScopePlan;
import no.tettpa.backend.sync.model.VisibleScope;
import no.tettpa.sync.schema.Category;
import no.tettpa.sync.schema.SchemaUpgrades;
import no.tettpa.sync.wire.Change;
import no.tettpa.sync.wire.Pull;
import no.tettpa.sync.wire.PullPage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Builds one page of changes for a device, inside a read-only REPEATABLE READ transaction so that its scope and its
 * data come from one snapshot. Reads the feed only below the safe horizon, per person and position; a page is
 * bounded in changes and bytes and ends at a transaction boundary, unless one transaction alone is larger than a
 * page; each person's position moves only as far as it delivered.
 */
@Singleton
public class PullProcessor {
    private final RecordStore store;
    private final ScopeResolver scopes;
    private final SyncJson json;
    private final SyncConfiguration config;

    public PullProcessor(RecordStore store, ScopeResolver scopes, SyncJson json, SyncConfiguration config) {
        this.store = store;
        this.scopes = scopes;
        this.json = json;
        this.config = config;
    }

    /** A page, what it delivered and on what basis (for the delivery log), and what to evict. */
    public record Result(PullPage page, List<RecordStore.FeedRow> delivered, Map<UUID, VisibleScope> visible,
                         Map<UUID, Integer> evictions) {}

    public Result pull(Connection c, Caller caller, UUID deviceId, Pull pull, int schemaVersion) throws SQLException {
        Checkpoint held;
        try {
            held = Checkpoint.decode(pull.checkpoint());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_CHECKPOINT,
                    "The checkpoint is damaged (" + e.getMessage() + "); pull again from the start with checkpoint null");
        }
        Map<UUID, VisibleScope> visible = scopes.visible(c, caller);
        long horizon = store.horizon(c);
        ScopePlan plan = ScopePlan.of(held, visible);

        int maxChanges = Math.max(1, Math.min(pull.limit() == null ? config.getPageMaxChanges() : pull.limit(),
                config.getPageMaxChanges()));
        Budget budget = new Budget(maxChanges, config.getPageMaxBytes());
        List<Checkpoint.Entry> after = new ArrayList<>();
        List<RecordStore.FeedRow> delivered = new ArrayList<>();
        boolean more = false;

        for (Group g : groups(plan.entries())) {
            if (budget.exhausted()) {
                after.addAll(g.entries());
                more = true;
                continue;
            }
            Page p = page(c, caller.municipalityId(), g, horizon, budget);
            delivered.addAll(p.rows());
            for (Checkpoint.Entry e : g.entries()) {
                after.add(new Checkpoint.Entry(e.personId(), e.categories(), e.basis(), p.reached()));
            }
            more |= !p.drained();
        }
        List<Change> changes = toChanges(delivered, schemaVersion);
        List<PullPage.Scope> scopeChanges = plan.changedScopes().stream()
                .map(v -> new PullPage.Scope(v.personId(), wire(v.categories()), v.basis().wire(),
                        v.until() == null ? null : v.until().toString()))
                .toList();
        String checkpoint = new Checkpoint(merged(after)).encode();
        // evictions are issued (and numbered) by the caller, which records them
        return new Result(new PullPage(changes, List.of(), scopeChanges, checkpoint, more), delivered, visible,
                plan.evictions());
    }

    private record Group(Position position, List<Checkpoint.Entry> entries) {}

    private record Page(List<RecordStore.FeedRow> rows, Position reached, boolean drained) {}

    private static final class Budget {
        int changes;
        long bytes;

        Budget(int changes, long bytes) {
            this.changes = changes;
            this.bytes = bytes;
        }

        boolean exhausted() {
            return changes <= 0 || bytes <= 0;
        }
    }

    /**
     * Entries at the same position are read together (the common case: a device up to date, asking for news).
     * A person starting from the beginning is read alone, so a first sync walks each person's index range in
     * order instead of sorting the whole caseload's history.
     */
    private static List<Group> groups(List<Checkpoint.Entry> entries) {
        Map<Position, List<Checkpoint.Entry>> byPosition = new TreeMap<>();
        List<Group> fresh = new ArrayList<>();
        for (Checkpoint.Entry e : entries) {
            if (e.position().equals(Position.START)) {
                fresh.add(new Group(Position.START, List.of(e)));
            } else {
                byPosition.computeIfAbsent(e.position(), p -> new ArrayList<>()).add(e);
            }
        }
        List<Group> out = new ArrayList<>();
        byPosition.forEach((p, list) -> out.add(new Group(p, list)));
        out.addAll(fresh);
        return out;
    }

    private Page page(Connection c, UUID municipality, Group g, long horizon, Budget budget) throws SQLException {
        Map<UUID, Integer> masks = new LinkedHashMap<>();
        for (Checkpoint.Entry e : g.entries()) masks.merge(e.personId(), e.categories(), (a, b) -> a | b);
        List<RecordStore.FeedRow> rows = store.feed(c, municipality, masks, g.position(), horizon, budget.changes + 1);

        int fit = 0;
        long bytes = 0;
        while (fit < rows.size() && fit < budget.changes) {
            long size = rows.get(fit).body().length() + 120L;
            if (bytes + size > budget.bytes && fit > 0) break;
            bytes += size;
            fit++;
        }
        if (fit == rows.size()) {
            budget.changes -= fit;
            budget.bytes -= bytes;
            return new Page(rows, Position.horizon(horizon), true);
        }
        // Stop at a transaction boundary, so a device never holds half of what one transaction wrote.
        long cutXid = rows.get(fit).xid();
        int end = fit;
        while (end > 0 && rows.get(end - 1).xid() == cutXid) end--;
        // A single transaction larger than a page is the one thing split, so pages stay bounded.
        List<RecordStore.FeedRow> taken = new ArrayList<>(rows.subList(0, end > 0 ? end : fit));
        RecordStore.FeedRow last = taken.get(taken.size() - 1);
        budget.changes = 0;
        budget.bytes = 0;
        return new Page(taken, new Position(last.xid(), last.seq()), false);
    }

    private List<Change> toChanges(List<RecordStore.FeedRow> rows, int schemaVersion) {
        Map<UUID, RecordStore.FeedRow> latest = new LinkedHashMap<>();
        for (RecordStore.FeedRow r : rows) {
            RecordStore.FeedRow seen = latest.get(r.recordId());
            if (seen == null || seen.version() < r.version()) {
                latest.remove(r.recordId());
                latest.put(r.recordId(), r);
            }
        }
        List<Change> out = new ArrayList<>(latest.size());
        for (RecordStore.FeedRow r : latest.values()) {
            Map<String, Object> fields = r.deleted() ? null
                    : SchemaUpgrades.downgrade(r.entity(), json.readForOutput(r.body()), schemaVersion);
            out.add(new Change(r.entity(), r.recordId(), r.personId(), r.version(), r.deleted(), fields));
        }
        return out;
    }

    /** Joins entries of one person that reached the same position. */
    private static List<Checkpoint.Entry> merged(List<Checkpoint.Entry> entries) {
        Map<String, Checkpoint.Entry> out = new LinkedHashMap<>();
        for (Checkpoint.Entry e : entries) {
            String key = e.personId() + "@" + e.position().xid() + "." + e.position().seq();
            out.merge(key, e, (a, b) -> new Checkpoint.Entry(a.personId(), a.categories() | b.categories(), b.basis(),
                    a.position()));
        }
        return new ArrayList<>(out.values());
    }

    static List<String> wire(int mask) {
        return Category.fromMask(mask).stream().map(Category::wire).toList();
    }
}
