package no.tettpa.backend.sync;

import jakarta.inject.Singleton;
import no.tettpa.backend.auth.Caller;
import no.tettpa.backend.sync.model.VisibleScope;
import no.tettpa.sync.ProtocolVersion;
import no.tettpa.sync.clock.Hlc;
import no.tettpa.sync.merge.Edit;
import no.tettpa.sync.merge.MergeResult;
import no.tettpa.sync.merge.Merger;
import no.tettpa.sync.merge.Stamp;
import no.tettpa.sync.merge.Values;
import no.tettpa.sync.schema.Category;
import no.tettpa.sync.schema.EntitySpec;
import no.tettpa.sync.schema.SchemaUpgrades;
import no.tettpa.sync.schema.Schemas;
import no.tettpa.sync.schema.Validation;
import no.tettpa.sync.wire.Change;
import no.tettpa.sync.wire.Mutation;
import no.tettpa.sync.wire.MutationOutcome;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Judges a contiguous run of one device's mutations inside one transaction (the device row is locked by the
 * caller): validates each, checks it against the device's scope, merges it into the record's current state,
 * and gathers the versions and conflicts to write. A rejected mutation never stops the others.
 */
@Singleton
public class PushProcessor {
    private final RecordStore store;
    private final ConflictRecords conflictRecords;
    private final ConflictResolver resolver;
    private final ScopeResolver scopes;
    private final DomainRules rules;
    private final List<WriteListener> writeListeners;

    /** Told what each judged batch did, per mutation, in its transaction (the access log). */
    public interface WriteListener {
        void judged(Connection c, Caller caller, UUID deviceId, List<Mutation> batch, List<MutationOutcome> outcomes)
                throws SQLException;
    }

    public PushProcessor(RecordStore store, ConflictRecords conflictRecords, ConflictResolver resolver,
                         ScopeResolver scopes, DomainRules rules, List<WriteListener> writeListeners) {
        this.writeListeners = writeListeners;
        this.store = store;
        this.conflictRecords = conflictRecords;
        this.resolver = resolver;
        this.scopes = scopes;
        this.rules = rules;
    }

    /** A mutation after the checks that need no database, with its clamped clock. */
    record Prepared(Mutation m, EntitySpec spec, Edit.Op op, Map<String, Object> fields, Hlc hlc,
                    MutationOutcome.Rejection rejection) {}

    /** What {@link #judge} decided, and the mutations to flag for review. */
    public record Judged(List<MutationOutcome> outcomes, List<Flag> flags) {}

    public record Flag(long seq, UUID personId, String reason) {}

    /**
     * @param clampedHlc the device's clock per mutation after clamping (see {@link no.tettpa.sync.clock.HlcClock})
     */
    public Judged judge(Connection c, Caller caller, UUID deviceId, List<Mutation> batch, Map<Long, Hlc> clampedHlc,
                        int schemaVersion, Validation.Context ctx) throws SQLException {
        List<Prepared> prepared = new ArrayList<>(batch.size());
        for (Mutation m : batch) {
            prepared.add(prepare(m, clampedHlc.get(m.seq()), schemaVersion, ctx));
        }
        Set<UUID> persons = new HashSet<>();
        Set<UUID> changed = new HashSet<>();
        Set<UUID> edited = new LinkedHashSet<>();
        Set<UUID> created = new LinkedHashSet<>();
        for (Prepared p : prepared) {
            if (p.rejection() == null) {
                persons.add(p.m().personId());
                if (p.op() == Edit.Op.CREATE) {
                    created.add(p.m().recordId());
                } else {
                    edited.add(p.m().recordId());
                    changed.add(p.m().personId());
                }
            }
        }
        Map<UUID, VisibleScope> visible = scopes.visible(c, caller, persons);
        edited.addAll(resolver.targetsOf(c, caller.municipalityId(), prepared));
        store.lockPersons(c, caller.municipalityId(), changed);
        String controller = controllerOf(c, caller);

        // Fast path: a create is almost always of a new id, so its id is not looked up; the insert skips rows whose
        // key exists. Should any exist (a create sent again under a new seq, a colliding id), the batch is undone to
        // the savepoint and judged again with every id looked up.
        java.sql.Savepoint beforeWrites = created.isEmpty() ? null : c.setSavepoint();
        Attempt fast = attempt(c, caller, deviceId, prepared, edited, visible, controller, ctx, true);
        Attempt done = fast;
        if (fast == null) {
            c.rollback(beforeWrites);
            Set<UUID> all = new LinkedHashSet<>(edited);
            all.addAll(created);
            done = attempt(c, caller, deviceId, prepared, all, visible, controller, ctx, false);
        } else if (beforeWrites != null) {
            c.releaseSavepoint(beforeWrites);
        }
        List<MutationOutcome> outcomes = done.outcomes();
        List<Flag> flags = done.flags();
        for (WriteListener l : writeListeners) l.judged(c, caller, deviceId, batch, outcomes);
        return new Judged(outcomes, flags);
    }

    private record Attempt(List<MutationOutcome> outcomes, List<Flag> flags) {}

    /** Judges and writes the batch; with {@code fast}, returns null (having written part) if a created id existed. */
    private Attempt attempt(Connection c, Caller caller, UUID deviceId, List<Prepared> prepared, Set<UUID> lookedUp,
                            Map<UUID, VisibleScope> visible, String controller, Validation.Context ctx, boolean fast)
            throws SQLException {
        Map<UUID, RecordStore.StoredRecord> current = store.current(c, caller.municipalityId(), lookedUp);
        Map<UUID, RecordStore.StoredRecord> bases = store.versionsAt(c, caller.municipalityId(), olderBases(prepared, current));
        WriteBatch batchWrites = new WriteBatch(caller.municipalityId(), caller, deviceId, current);
        List<MutationOutcome> outcomes = new ArrayList<>(prepared.size());
        List<Flag> flags = new ArrayList<>();
        for (Prepared p : prepared) {
            MutationOutcome o = p.rejection() != null ? rejected(p.m(), p.rejection())
                    : apply(c, p, batchWrites, bases, visible, controller, ctx);
            if (deviceId != null && o.rejection() != null && OUT_OF_SCOPE.contains(o.rejection().code())) {
                flags.add(new Flag(p.m().seq(), p.m().personId(), o.rejection().code()));
            }
            outcomes.add(o);
        }
        if (fast) {
            int written = store.insertIfAbsent(c, caller.municipalityId(), batchWrites.versions);
            if (written != batchWrites.versions.size()) return null;
        } else {
            store.insert(c, caller.municipalityId(), batchWrites.versions);
        }
        conflictRecords.store(c, caller.municipalityId(), batchWrites.conflicts, store);
        for (UUID closed : batchWrites.closedConflicts) {
            conflictRecords.closed(c, caller.municipalityId(), closed);
        }
        return new Attempt(outcomes, flags);
    }

    private Prepared prepare(Mutation m, Hlc hlc, int schemaVersion, Validation.Context ctx) {
        if (m.recordId() == null) return reject(m, "validation", "recordId", "recordId is required");
        if (m.personId() == null) return reject(m, "validation", "personId", "personId is required");
        if (hlc == null) return reject(m, "validation", "hlc", "hlc must be a hybrid-clock timestamp");
        EntitySpec spec = m.entity() == null ? null : Schemas.entity(m.entity()).orElse(null);
        if (spec == null) return reject(m, "unknown_entity", "entity", "unknown entity '" + m.entity() + "'");
        Edit.Op op = m.op() == null ? null : Edit.Op.fromWire(m.op()).orElse(null);
        if (op == null) return reject(m, "validation", "op", "op must be create, update or delete");
        if (!spec.clientWritable() && op != Edit.Op.UPDATE) {
            return reject(m, "server_only", null, spec.name() + " records are created and removed by the team, not by devices");
        }
        if ("person".equals(spec.name()) && !m.recordId().equals(m.personId())) {
            return reject(m, "validation", "recordId", "a person's record id is the person's id");
        }
        Map<String, Object> fields;
        try {
            fields = Values.normalizeMap(m.fields() == null ? Map.of() : m.fields());
        } catch (IllegalArgumentException e) {
            return reject(m, "validation", "fields", "fields must be JSON values");
        }
        if (schemaVersion < ProtocolVersion.SCHEMA_CURRENT) {
            fields = SchemaUpgrades.upgrade(spec.name(), fields, schemaVersion);
        }
        List<Validation.FieldError> errors = switch (op) {
            case CREATE -> Validation.forCreate(spec, fields, ctx);
            case UPDATE -> Validation.forUpdate(spec, fields, ctx);
            case DELETE -> fields.isEmpty() ? List.of() : List.of(new Validation.FieldError("fields", "a delete carries no fields"));
        };
        if (op == Edit.Op.UPDATE && fields.isEmpty()) {
            errors = List.of(new Validation.FieldError("fields", "an update changes at least one field"));
        }
        if (!errors.isEmpty()) {
            Validation.FieldError first = errors.get(0);
            String message = errors.size() == 1 ? first.message() : first.message() + " (and " + (errors.size() - 1) + " more)";
            return reject(m, first.message().startsWith("is not a field") ? "unknown_field" : "validation", first.field(),
                    message);
        }
        return new Prepared(m, spec, op, fields, hlc, null);
    }

    private static Prepared reject(Mutation m, String code, String field, String message) {
        return new Prepared(m, null, null, null, null, new MutationOutcome.Rejection(code, field, message));
    }

    private static Map<UUID, Long> olderBases(List<Prepared> prepared, Map<UUID, RecordStore.StoredRecord> current) {
        Map<UUID, Long> out = new HashMap<>();
        for (Prepared p : prepared) {
            if (p.rejection() != null || p.op() == Edit.Op.CREATE || p.m().baseVersion() == null) continue;
            RecordStore.StoredRecord cur = current.get(p.m().recordId());
            if (cur != null && p.m().baseVersion() < cur.version() && p.m().baseVersion() >= 1) {
                out.put(p.m().recordId(), p.m().baseVersion());
            }
        }
        return out;
    }

    private MutationOutcome apply(Connection c, Prepared p, WriteBatch w, Map<UUID, RecordStore.StoredRecord> bases,
                                  Map<UUID, VisibleScope> visible, String controller, Validation.Context ctx)
            throws SQLException {
        Mutation m = p.m();
        RecordStore.StoredRecord cur = w.state.get(m.recordId());
        if (cur != null && !cur.personId().equals(m.personId())) {
            return rejected(m, new MutationOutcome.Rejection("validation", "personId", "the record belongs to another person"));
        }
        if (cur != null && !cur.entity().equals(p.spec().name())) {
            return rejected(m, new MutationOutcome.Rejection("id_conflict", "entity", "the record id belongs to a "
                    + cur.entity()));
        }
        Map<String, Object> fields = new TreeMap<>(p.fields());
        if (p.op() == Edit.Op.CREATE) {
            fillCreateDefaults(p.spec(), fields, w.caller, controller);
        }
        int category = cur != null ? cur.category() : p.spec().category().apply(fields).bit();
        VisibleScope scope = visible.get(m.personId());
        if (scope == null || (scope.categories() & (1 << category)) == 0) {
            String why = scope == null ? scopes.whyNot(c, w.caller, m.personId()) : "no_longer_visible";
            String code = why.equals("no_longer_visible") ? "out_of_scope" : why;
            return rejected(m, new MutationOutcome.Rejection(code, "personId",
                    "this person's " + ConflictRecords.categoryWire(category) + " records are not shared with you"
                            + (code.equals("out_of_scope") ? "" : " (" + why.replace('_', ' ') + ")")
                            + "; what you wrote is kept for your team leader"));
        }
        Stamp stamp = new Stamp(p.hlc(), w.caller.staffId().toString(), w.deviceId == null ? null : w.deviceId.toString());
        if (ConflictRecords.ENTITY.equals(p.spec().name())) {
            return resolver.resolveFromDevice(c, w, m, cur, fields, stamp, ctx);
        }
        RecordStore.StoredRecord base = w.version(m.recordId(), m.baseVersion());
        if (base == null) base = bases.get(m.recordId());
        Edit edit = new Edit(p.op(), m.baseVersion(), fields, stamp);
        MergeResult r = Merger.merge(p.spec(), RecordStore.state(base), RecordStore.state(cur), edit);
        if (r.status() == MergeResult.Status.REJECTED) {
            return rejected(m, new MutationOutcome.Rejection(r.rejection().code(), r.rejection().field(), r.rejection().message()));
        }
        Map<String, Object> body = r.body();
        if (r.changed() && !r.deleted()) {
            DomainRules.Verdict v = rules.check(new DomainRules.Write(w.municipality, p.spec().name(), m.recordId(),
                    m.personId(), cur == null ? null : cur.body(), body, w.caller), new BatchLookup(c, store, w));
            if (!v.errors().isEmpty()) {
                Validation.FieldError e = v.errors().get(0);
                return rejected(m, new MutationOutcome.Rejection("validation", e.field(), e.message()));
            }
            body = v.body();
        }
        long version = cur == null ? 0 : cur.version();
        if (r.changed()) {
            cur = w.write(m.recordId(), m.personId(), p.spec().name(), category, version + 1, r.deleted(), body, r.stamps(),
                    r.deletedBy(), m.seq());
            version++;
        }
        List<UUID> conflictIds = new ArrayList<>();
        List<UUID> openIds = new ArrayList<>();
        for (var draft : r.conflicts()) {
            ConflictRecords.Pending pending = conflictRecords.create(draft, m.recordId(), p.spec().name(), m.personId(),
                    category, stamp, w.caller.staffId(), w.deviceId, m.seq());
            w.conflicts.add(pending);
            conflictIds.add(pending.version().recordId());
            if (pending.open()) openIds.add(pending.version().recordId());
        }
        List<MutationOutcome.FieldOutcome> fieldOutcomes = new ArrayList<>();
        for (var fr : r.resolutions()) {
            fieldOutcomes.add(new MutationOutcome.FieldOutcome(fr.field(), fr.resolution(), fr.theirValue(),
                    fr.their() == null ? null : fr.their().author(), fr.their() == null ? null : fr.their().device(),
                    fr.their() == null ? null : fr.their().hlc().toString(),
                    fr.conflictIndex() >= 0 ? conflictIds.get(fr.conflictIndex()) : null));
        }
        String status = r.status().name().toLowerCase(java.util.Locale.ROOT);
        Change record = r.status() == MergeResult.Status.APPLIED || cur == null ? null
                : new Change(cur.entity(), cur.recordId(), cur.personId(), cur.version(), cur.deleted(),
                cur.deleted() ? null : cur.body());
        return new MutationOutcome(m.seq(), status, m.recordId(), cur == null ? null : version,
                fieldOutcomes.isEmpty() ? null : fieldOutcomes, openIds.isEmpty() ? null : openIds, null, record);
    }

    /** Fields the server fills in on a new record: who wrote it, and for which data controller, under which regime. */
    static void fillCreateDefaults(EntitySpec spec, Map<String, Object> fields, Caller caller, String controller) {
        if (spec.field("authorId") != null) fields.put("authorId", caller.staffId().toString());
        if (spec.field("controller") != null) fields.put("controller", controller);
        if (spec.field("regime") != null && !fields.containsKey("regime")) {
            fields.put("regime", "hospital_trust".equals(controller) ? "health_care" : "housing_support");
        }
    }

    /** A record written by a member of a hospital-trust team (only) belongs to the hospital trust. */
    String controllerOf(Connection c, Caller caller) throws SQLException {
        if (caller.teamIds().isEmpty()) return "municipality";
        try (var ps = c.prepareStatement("SELECT bool_and(controller_kind = 'hospital_trust') FROM team "
                + "WHERE municipality_id = ? AND id = ANY(?)")) {
            ps.setObject(1, caller.municipalityId());
            ps.setArray(2, c.createArrayOf("uuid", caller.teamIds().toArray()));
            try (var rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1) ? "hospital_trust" : "municipality";
            }
        }
    }

    /** Refusals because the person (or category) is outside the writer's scope: stored, flagged for review. */
    static final java.util.Set<String> OUT_OF_SCOPE = java.util.Set.of("out_of_scope", "consent_withdrawn",
            "consent_expired", "access_ended");

    static MutationOutcome rejected(Mutation m, MutationOutcome.Rejection r) {
        return new MutationOutcome(m.seq(), "rejected", m.recordId(), null, null, null, r, null);
    }

    static int bit(Category c) {
        return 1 << c.bit();
    }
}
