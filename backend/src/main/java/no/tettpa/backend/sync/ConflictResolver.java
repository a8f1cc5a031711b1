package no.tettpa.backend.sync;

import jakarta.inject.Singleton;
import no.tettpa.sync.merge.ConflictDraft;
import no.tettpa.sync.merge.Stamp;
import no.tettpa.sync.merge.Values;
import no.tettpa.sync.schema.EntitySpec;
import no.tettpa.sync.schema.FieldSpec;
import no.tettpa.sync.schema.Schemas;
import no.tettpa.sync.schema.Validation;
import no.tettpa.sync.wire.Mutation;
import no.tettpa.sync.wire.MutationOutcome;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settles a conflict: keep the value that was kept, take the other, or write a merged value. The choice is applied
 * to the record as a new version by the person who chose, and the conflict gets a new version saying who chose
 * what. Both happen whether the choice comes from a device (a synced update of the conflict's {@code resolution})
 * or from the review API, through the same code.
 */
@Singleton
public class ConflictResolver {
    private static final Pattern ELEMENT = Pattern.compile("^(\\w+)\\[([^\\]]+)]$");

    private final RecordStore store;
    private final DomainRules rules;
    private final ConflictRecords conflictRecords;

    public ConflictResolver(RecordStore store, DomainRules rules, ConflictRecords conflictRecords) {
        this.store = store;
        this.rules = rules;
        this.conflictRecords = conflictRecords;
    }

    /** The records that conflict resolutions in this batch will change, so they are locked with the rest. */
    Set<UUID> targetsOf(Connection c, UUID municipality, List<PushProcessor.Prepared> prepared) throws SQLException {
        Set<UUID> conflictIds = new HashSet<>();
        for (PushProcessor.Prepared p : prepared) {
            if (p.rejection() == null && ConflictRecords.ENTITY.equals(p.spec().name())) conflictIds.add(p.m().recordId());
        }
        Set<UUID> targets = new HashSet<>();
        for (RecordStore.StoredRecord r : store.current(c, municipality, conflictIds).values()) {
            Object target = r.body().get("recordId");
            if (target instanceof String s) targets.add(UUID.fromString(s));
        }
        return targets;
    }

    MutationOutcome resolveFromDevice(Connection c, WriteBatch w, Mutation m, RecordStore.StoredRecord conflict,
                                      Map<String, Object> fields, Stamp stamp, Validation.Context ctx) throws SQLException {
        if (conflict == null) {
            return PushProcessor.rejected(m, new MutationOutcome.Rejection("not_found", null, "no such conflict"));
        }
        if (!(fields.get("resolution") instanceof Map<?, ?> resolution) || fields.size() != 1) {
            return PushProcessor.rejected(m, new MutationOutcome.Rejection("validation", "resolution",
                    "a conflict is resolved by writing its resolution, and nothing else"));
        }
        Result r = resolve(c, w, conflict, castMap(resolution), stamp, ctx, m.seq());
        if (r.rejection() != null) return PushProcessor.rejected(m, r.rejection());
        return new MutationOutcome(m.seq(), "applied", conflict.recordId(), r.conflictVersion(), null, null, null, null);
    }

    /** The result of a resolution: the conflict's new version, or why it was refused. */
    public record Result(long conflictVersion, MutationOutcome.Rejection rejection) {}

    Result resolve(Connection c, WriteBatch w, RecordStore.StoredRecord conflict, Map<String, Object> resolution,
                   Stamp stamp, Validation.Context ctx, Long mutationSeq) throws SQLException {
        Map<String, Object> body = conflict.body();
        String status = String.valueOf(body.get("status"));
        if ("resolved".equals(status)) {
            if (Values.same(body.get("resolution"), resolution)) {
                return new Result(conflict.version(), null);
            }
            return new Result(0, new MutationOutcome.Rejection("already_resolved", "resolution",
                    "this conflict was already resolved by someone else"));
        }
        String choice = String.valueOf(resolution.get("choice"));
        UUID targetId = UUID.fromString(String.valueOf(body.get("recordId")));
        RecordStore.StoredRecord target = w.state.get(targetId);
        EntitySpec spec = Schemas.entity(String.valueOf(body.get("entity"))).orElse(null);
        if (target == null || spec == null) {
            return new Result(0, new MutationOutcome.Rejection("not_found", null, "the record of this conflict is gone"));
        }
        String kind = String.valueOf(body.get("kind"));
        String field = (String) body.get("field");
        MutationOutcome.Rejection refused = null;
        if ("delete_edit".equals(kind)) {
            if ("value".equals(choice)) {
                refused = new MutationOutcome.Rejection("validation", "resolution.choice",
                        "a delete-or-keep conflict is settled by choosing kept or other");
            } else if ("other".equals(choice) && !target.deleted()) {
                Stamp lastEdit = editedSince(conflict, target);
                if (lastEdit != null) {
                    // Edited after this conflict was made: the delete is not carried out over edits the chooser
                    // did not see; it waits for a person again.
                    reopen(w, conflict, target, new ConflictDraft(null, "delete_edit", true, null, "edited", lastEdit,
                            "deleted", stamp), stamp, mutationSeq);
                } else {
                    w.write(targetId, target.personId(), target.entity(), target.category(), target.version() + 1, true,
                            target.body(), target.stamps(), stamp, mutationSeq);
                }
            }
        } else if (!"kept".equals(choice)) {
            Object value = "other".equals(choice) ? body.get("otherValue") : Values.normalize(resolution.get("value"));
            refused = applyValue(c, w, spec, target, field, value, body.get("keptValue"), conflict, stamp, ctx, mutationSeq);
        }
        if (refused != null) return new Result(0, refused);

        Map<String, Object> resolved = new TreeMap<>(body);
        resolved.put("status", "resolved");
        resolved.put("resolution", resolution);
        resolved.put("resolvedBy", w.caller.staffId().toString());
        resolved.put("resolvedAt", Instant.now().toString());
        Map<String, Stamp> stamps = new TreeMap<>(conflict.stamps());
        for (String k : List.of("status", "resolution", "resolvedBy", "resolvedAt")) stamps.put(k, stamp);
        w.write(conflict.recordId(), conflict.personId(), ConflictRecords.ENTITY, conflict.category(),
                conflict.version() + 1, false, resolved, stamps, null, mutationSeq);
        if ("open".equals(status)) w.closedConflicts.add(conflict.recordId());
        return new Result(conflict.version() + 1, null);
    }

    /**
     * The latest stamp on the record if it was written after the conflict was made (the conflict's own first stamp
     * is when it was made), else null.
     */
    private static Stamp editedSince(RecordStore.StoredRecord conflict, RecordStore.StoredRecord target) {
        Stamp made = conflict.stamps().values().stream().min(java.util.Comparator.comparing(Stamp::hlc)).orElse(null);
        Stamp last = target.stamps().values().stream().max(java.util.Comparator.comparing(Stamp::hlc)).orElse(null);
        return made != null && last != null && last.hlc().isAfter(made.hlc()) ? last : null;
    }

    private void reopen(WriteBatch w, RecordStore.StoredRecord conflict, RecordStore.StoredRecord target, ConflictDraft d,
                        Stamp stamp, Long mutationSeq) {
        w.conflicts.add(conflictRecords.create(d, target.recordId(), target.entity(), target.personId(), target.category(),
                stamp, w.caller.staffId(), w.deviceId, mutationSeq));
    }

    /**
     * Applies the chosen value. When the field moved on after the conflict was made (someone wrote a value neither
     * side of the conflict had), the choice is applied and that newer value goes into a new open conflict beside
     * it: a resolution never overwrites what its maker did not see without a trace.
     */
    private MutationOutcome.Rejection applyValue(Connection c, WriteBatch w, EntitySpec spec,
                                                 RecordStore.StoredRecord target, String field, Object value,
                                                 Object keptWhenMade, RecordStore.StoredRecord conflict, Stamp stamp,
                                                 Validation.Context ctx, Long mutationSeq) throws SQLException {
        Matcher element = field == null ? null : ELEMENT.matcher(field);
        String name = element != null && element.matches() ? element.group(1) : field;
        FieldSpec fs = name == null ? null : spec.field(name);
        if (fs == null) {
            return new MutationOutcome.Rejection("validation", "resolution", "the conflict names no field of " + spec.name());
        }
        if (spec.locked().test(target.body()) && !spec.writableWhenLocked().contains(name)) {
            return new MutationOutcome.Rejection("locked", name, "locked: the " + spec.name()
                    + " was signed meanwhile; make a new version");
        }
        Object newValue;
        if (element != null && element.matches()) {
            List<Validation.FieldError> errors = new ArrayList<>();
            if (value != null) Validation.value(fs, List.of(value), "resolution.value", ctx, errors);
            if (!errors.isEmpty()) return new MutationOutcome.Rejection("validation", errors.get(0).field(), errors.get(0).message());
            newValue = replaceElement(target.body().get(name), element.group(2), value);
        } else {
            List<Validation.FieldError> errors = new ArrayList<>();
            if (value == null && fs.required()) {
                errors.add(new Validation.FieldError("resolution.value", "is required"));
            } else if (value != null) {
                Validation.value(fs, value, "resolution.value", ctx, errors);
            }
            if (!errors.isEmpty()) return new MutationOutcome.Rejection("validation", errors.get(0).field(), errors.get(0).message());
            newValue = value;
        }
        boolean isElement = element != null && element.matches();
        String stampKey = isElement ? name + "[" + element.group(2) + "]" : name;
        Object now = isElement ? elementOf(target.body().get(name), element.group(2)) : target.body().get(name);
        Object chosen = isElement ? value : newValue;
        if (!Values.same(now, keptWhenMade) && !Values.same(now, chosen)) {
            Stamp nowStamp = target.stamps().getOrDefault(stampKey, target.stamps().get(name));
            reopen(w, conflict, target, new ConflictDraft(field, "resolution", true, keptWhenMade, chosen, stamp, now,
                    nowStamp), stamp, mutationSeq);
        }
        Map<String, Object> next = new TreeMap<>(target.body());
        if (newValue == null) next.remove(name);
        else next.put(name, newValue);
        DomainRules.Verdict v = rules.check(new DomainRules.Write(w.municipality, spec.name(), target.recordId(),
                target.personId(), target.body(), next, w.caller), new BatchLookup(c, store, w));
        if (!v.errors().isEmpty()) {
            return new MutationOutcome.Rejection("validation", v.errors().get(0).field(), v.errors().get(0).message());
        }
        Map<String, Stamp> stamps = new TreeMap<>(target.stamps());
        stamps.put(name, stamp);
        w.write(target.recordId(), target.personId(), target.entity(), target.category(), target.version() + 1, false,
                v.body(), stamps, null, mutationSeq);
        return null;
    }

    private static Object elementOf(Object list, String key) {
        if (list instanceof List<?> items) {
            for (Object o : items) {
                String k = o instanceof Map<?, ?> m ? String.valueOf(m.get("id")) : String.valueOf(o);
                if (k.equals(key)) return o;
            }
        }
        return null;
    }

    private static Object replaceElement(Object list, String key, Object value) {
        List<Object> out = new ArrayList<>();
        boolean replaced = false;
        if (list instanceof List<?> items) {
            for (Object o : items) {
                String k = o instanceof Map<?, ?> m ? String.valueOf(m.get("id")) : String.valueOf(o);
                if (k.equals(key)) {
                    if (value != null) out.add(value);
                    replaced = true;
                } else {
                    out.add(o);
                }
            }
        }
        if (!replaced && value != null) out.add(value);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
