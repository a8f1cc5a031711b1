package no.tettpa.sync.merge;

import no.tettpa.sync.schema.EntitySpec;
import no.tettpa.sync.schema.FieldKind;
import no.tettpa.sync.schema.FieldSpec;
import no.tettpa.sync.schema.MergePolicy;
import no.tettpa.sync.schema.StatusWorkflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The three-way merge of one device edit into the server's current state of a record, field by field against
 * the base version the device edited. Pure and deterministic: the same inputs always give the same result, so
 * server and clients (and the JSON test vectors) agree. Values must be {@link Values#normalize normalized} and
 * already validated ({@link no.tettpa.sync.schema.Validation}).
 *
 * <p>The rules, per field the device changed:
 * <ul>
 *   <li>the device's value equals the current value: nothing to do, except that an LWW field written with a later
 *       timestamp takes that timestamp, so a third write is judged against the latest write of the value;</li>
 *   <li>the field is untouched since the base, i.e. it holds the base value under the base's stamp (only the device
 *       changed it): the device's value is taken. A field that others changed and changed back is not untouched;</li>
 *   <li>both changed it to different values: the field's {@link MergePolicy} decides, and the value not kept goes
 *       into a {@link ConflictDraft}.</li>
 * </ul>
 * Whole-record rules: append-only records are never updated or deleted; a locked record (signed) accepts changes
 * only to its lifecycle fields; a delete against a concurrent edit keeps the record and opens a conflict; an
 * edit against a delete brings the record back with the edit and opens a conflict.
 */
public final class Merger {
    private Merger() {}

    /**
     * @param base    the record at {@code edit.baseVersion()}, or null if unknown (then every field both sides hold
     *                differently counts as changed on both sides)
     * @param current the server's current state, or null if no such record exists
     */
    public static MergeResult merge(EntitySpec spec, RecordState base, RecordState current, Edit edit) {
        return switch (edit.op()) {
            case CREATE -> create(spec, current, edit);
            case UPDATE -> update(spec, base, current, edit);
            case DELETE -> delete(spec, base, current, edit);
        };
    }

    private static MergeResult create(EntitySpec spec, RecordState current, Edit edit) {
        Map<String, Object> fields = withoutNulls(edit.fields());
        if (current == null) {
            Map<String, Stamp> stamps = new TreeMap<>();
            fields.keySet().forEach(f -> stamps.put(f, edit.stamp()));
            fields.forEach((f, v) -> {
                FieldSpec fs = spec.field(f);
                if (fs != null && isSetKind(fs)) stampElements(fs, f, null, v, v, stamps, edit.stamp());
            });
            return new MergeResult(MergeResult.Status.APPLIED, true, fields, stamps, false, null, List.of(), List.of(), null);
        }
        if (sameContent(spec, current.body(), fields)) {
            return unchanged(current);
        }
        return MergeResult.rejected("id_conflict", null,
                "a " + spec.name() + " with this id already exists with other content; create it with a new id");
    }

    private static boolean sameContent(EntitySpec spec, Map<String, Object> stored, Map<String, Object> sent) {
        for (String f : spec.fields().keySet()) {
            FieldSpec fs = spec.field(f);
            if (fs.policy() == MergePolicy.DERIVED) continue;
            if (!Values.same(stored.get(f), sent.get(f))) return false;
        }
        return true;
    }

    private static MergeResult unchanged(RecordState current) {
        return new MergeResult(MergeResult.Status.APPLIED, false, current.body(), current.stamps(), current.deleted(),
                current.deletedBy(), List.of(), List.of(), null);
    }

    /**
     * Whether anyone but this device changed the record between the base and now. A device's own earlier writes
     * are not concurrent: it saw them when it made this edit.
     */
    static boolean changedByOthers(RecordState base, RecordState current, Edit edit) {
        if (base == null) return current.version() > 0;
        if (current.version() == base.version()) return false;
        java.util.Set<String> fields = new java.util.TreeSet<>(current.body().keySet());
        fields.addAll(base.body().keySet());
        fields.addAll(current.stamps().keySet());
        for (String f : fields) {
            Stamp now = current.stamps().get(f);
            if (java.util.Objects.equals(now, base.stamps().get(f)) && Values.same(current.body().get(f), base.body().get(f))) {
                continue;
            }
            if (!ownWrite(now, edit)) return true;
        }
        return false;
    }

    private static boolean ownWrite(Stamp stamp, Edit edit) {
        return stamp != null && stamp.device() != null && stamp.device().equals(edit.stamp().device());
    }

    private static MergeResult update(EntitySpec spec, RecordState baseState, RecordState current, Edit edit) {
        Map<String, Object> base = baseState == null ? null : baseState.body();
        if (current == null) {
            return MergeResult.rejected("not_found", null, "no such " + spec.name() + " to change");
        }
        if (spec.appendOnly()) {
            return MergeResult.rejected("append_only", null,
                    spec.name() + " entries never change: record a correction that references this one");
        }
        if (edit.baseVersion() == null || edit.baseVersion() < 1 || edit.baseVersion() > current.version()) {
            return MergeResult.rejected("bad_base_version", "baseVersion",
                    "baseVersion must be a version of this record (1.." + current.version() + ")");
        }
        MergeResult locked = refuseIfLocked(spec, current, edit);
        if (locked != null) return locked;

        Map<String, Object> body = new TreeMap<>(current.body());
        Map<String, Stamp> stamps = new TreeMap<>(current.stamps());
        List<FieldResolution> resolutions = new ArrayList<>();
        List<ConflictDraft> conflicts = new ArrayList<>();
        boolean changed = false;
        boolean concurrent = changedByOthers(baseState, current, edit);

        for (Map.Entry<String, Object> e : new TreeMap<>(edit.fields()).entrySet()) {
            String name = e.getKey();
            FieldSpec field = spec.field(name);
            Object mine = e.getValue();
            Object theirs = current.body().get(name);
            Stamp theirStamp = current.stamps().get(name);
            boolean ownEarlier = ownWrite(theirStamp, edit);
            // The device's own earlier write is its base for this field: it saw it.
            Object was = ownEarlier ? theirs : base == null ? null : base.get(name);
            boolean baseKnown = base != null || ownEarlier;

            if (Values.same(mine, theirs)) {
                // The same value written later: under LWW it is the later write, else a write timed between the two
                // would win or lose depending on which of them the server happened to receive first.
                if (field.policy() == MergePolicy.LWW
                        && (theirStamp == null || edit.stamp().hlc().isAfter(theirStamp.hlc()))) {
                    stamps.put(name, edit.stamp());
                    changed = true;
                }
                continue;
            }
            if (field.policy() == MergePolicy.IMMUTABLE) {
                return MergeResult.rejected("immutable", name, name + " is fixed when the record is created");
            }
            // Untouched since the base: the base value under the base's stamp. Equal values alone would take a field
            // that others changed and changed back (X, A, X) for untouched, and an older edit would silently win.
            boolean untouched = ownEarlier || baseState == null
                    || java.util.Objects.equals(theirStamp, baseState.stamps().get(name));
            boolean onlyMine = baseKnown && untouched && Values.same(theirs, was);
            if (field.policy() == MergePolicy.STATUS) {
                StatusWorkflow w = spec.workflow();
                // The device's own step must be a step, wherever the server has got to meanwhile.
                String own = baseKnown ? (String) was : (String) theirs;
                if (own != null && !w.allowed(own, (String) mine)) {
                    return MergeResult.rejected("invalid_transition", name,
                            "cannot move " + name + " from '" + own + "' to '" + mine + "'");
                }
                if (onlyMine || w.allowed((String) theirs, (String) mine)) {
                    put(body, stamps, name, mine, edit.stamp());
                    changed = true;
                    if (!onlyMine) resolutions.add(new FieldResolution(name, "yours_kept", theirs, current.stamps().get(name), -1));
                } else {
                    // The server's status moved on by a path this device did not see; only a person can tell
                    // whether the device's step still stands.
                    conflicts.add(new ConflictDraft(name, "status", true, was, theirs, current.stamps().get(name),
                            mine, edit.stamp()));
                    resolutions.add(new FieldResolution(name, "review", theirs, current.stamps().get(name),
                            conflicts.size() - 1));
                }
                continue;
            }
            if (onlyMine) {
                put(body, stamps, name, mine, edit.stamp());
                if (field.policy() == MergePolicy.ADD_WINS_SET) stampElements(field, name, theirs, mine, mine, stamps, edit.stamp());
                changed = true;
                continue;
            }
            switch (field.policy()) {
                case LWW -> {
                    boolean mineLater = theirStamp == null || edit.stamp().hlc().isAfter(theirStamp.hlc());
                    if (mineLater) {
                        put(body, stamps, name, mine, edit.stamp());
                        changed = true;
                        conflicts.add(new ConflictDraft(name, "lww", false, was, mine, edit.stamp(), theirs, theirStamp));
                        resolutions.add(new FieldResolution(name, "yours_kept", theirs, theirStamp, conflicts.size() - 1));
                    } else {
                        conflicts.add(new ConflictDraft(name, "lww", false, was, theirs, theirStamp, mine, edit.stamp()));
                        resolutions.add(new FieldResolution(name, "theirs_kept", theirs, theirStamp, conflicts.size() - 1));
                    }
                }
                case SERVER_WINS -> {
                    conflicts.add(new ConflictDraft(name, "server_wins", false, was, theirs, theirStamp, mine, edit.stamp()));
                    resolutions.add(new FieldResolution(name, "theirs_kept", theirs, theirStamp, conflicts.size() - 1));
                }
                case REVIEW, LONG_TEXT -> {
                    String kind = field.policy() == MergePolicy.REVIEW ? "review" : "long_text";
                    conflicts.add(new ConflictDraft(name, kind, true, was, theirs, theirStamp, mine, edit.stamp()));
                    resolutions.add(new FieldResolution(name, "review", theirs, theirStamp, conflicts.size() - 1));
                }
                case ADD_WINS_SET -> {
                    // Each element's own stamp decides its clash; a merged value belongs to no single device, so a
                    // later edit of the same device does not take the others' additions for its own.
                    java.util.function.Predicate<String> mineWins = key -> {
                        Stamp s2 = elementStamp(current.stamps(), name, key, theirStamp);
                        return s2 == null || edit.stamp().hlc().isAfter(s2.hlc());
                    };
                    java.util.function.Predicate<String> ownElement = key ->
                            ownWrite(current.stamps().get(elementKey(name, key)), edit);
                    // An element is untouched since the base only under the base's stamp: changed and changed back
                    // is a change (a later write), not "untouched".
                    java.util.function.Predicate<String> touched = key -> baseState == null
                            || !java.util.Objects.equals(current.stamps().get(elementKey(name, key)),
                            baseState.stamps().get(elementKey(name, key)));
                    SetMerge.Result merged = SetMerge.merge(field, was, theirs, mine, baseKnown, mineWins, ownElement,
                            touched);
                    Stamp fieldStamp = Values.same(merged.value(), mine) ? edit.stamp()
                            : Values.same(merged.value(), theirs) && theirStamp != null ? theirStamp
                            : new Stamp(edit.stamp().hlc(), edit.stamp().author(), null);
                    put(body, stamps, name, merged.value(), fieldStamp);
                    stampElements(field, name, theirs, merged.value(), mine, stamps, edit.stamp());
                    changed = changed || !Values.same(merged.value(), theirs);
                    for (SetMerge.ElementClash clash : merged.clashes()) {
                        boolean mineLater = mineWins.test(clash.key());
                        Stamp theirElement = elementStamp(current.stamps(), name, clash.key(), theirStamp);
                        conflicts.add(new ConflictDraft(elementKey(name, clash.key()), "set", false, clash.base(),
                                mineLater ? clash.mine() : clash.theirs(), mineLater ? edit.stamp() : theirElement,
                                mineLater ? clash.theirs() : clash.mine(), mineLater ? theirElement : edit.stamp()));
                    }
                    resolutions.add(new FieldResolution(name, "set_merged", theirs, theirStamp, -1));
                }
                default -> throw new IllegalStateException("unhandled policy " + field.policy());
            }
        }

        boolean wasDeleted = current.deleted();
        if (wasDeleted) {
            // The edit is kept: the record comes back, and the earlier delete waits for review.
            conflicts.add(new ConflictDraft(null, "delete_edit", true, null, "edited", edit.stamp(), "deleted",
                    current.deletedBy()));
            changed = true;
        }
        MergeResult.Status status = conflicts.stream().anyMatch(ConflictDraft::open) ? MergeResult.Status.CONFLICT
                : concurrent || !conflicts.isEmpty() ? MergeResult.Status.MERGED : MergeResult.Status.APPLIED;
        if (!changed && conflicts.isEmpty()) {
            return new MergeResult(concurrent ? MergeResult.Status.MERGED : MergeResult.Status.APPLIED, false,
                    current.body(), current.stamps(), false, null, resolutions, List.of(), null);
        }
        return new MergeResult(status, changed, body, stamps, false, null, resolutions, conflicts, null);
    }

    private static MergeResult refuseIfLocked(EntitySpec spec, RecordState current, Edit edit) {
        if (!spec.locked().test(current.body())) return null;
        // in field-name order, like the rest of the merge: the rejection must not depend on the map's iteration order
        for (Map.Entry<String, Object> e : new TreeMap<>(edit.fields()).entrySet()) {
            if (!spec.writableWhenLocked().contains(e.getKey()) && !Values.same(e.getValue(), current.body().get(e.getKey()))) {
                return MergeResult.rejected("locked", e.getKey(), "locked: this " + spec.name()
                        + " is signed and never changes; make a new version");
            }
        }
        return null;
    }

    private static MergeResult delete(EntitySpec spec, RecordState base, RecordState current, Edit edit) {
        if (spec.appendOnly()) {
            return MergeResult.rejected("append_only", null,
                    spec.name() + " entries are never deleted: record a correction that references this one");
        }
        if (current == null) {
            return MergeResult.rejected("not_found", null, "no such " + spec.name() + " to delete");
        }
        if (current.deleted()) {
            return unchanged(current);
        }
        if (spec.locked().test(current.body())) {
            return MergeResult.rejected("locked", null, "locked: a signed " + spec.name() + " is never deleted; end it instead");
        }
        if (edit.baseVersion() == null || edit.baseVersion() < 1 || edit.baseVersion() > current.version()) {
            return MergeResult.rejected("bad_base_version", "baseVersion",
                    "baseVersion must be a version of this record (1.." + current.version() + ")");
        }
        if (current.version() > edit.baseVersion() && changedByOthers(base, current, edit)) {
            // Someone changed the record after the device last saw it: keep it, and let a person decide.
            Stamp lastEdit = current.stamps().values().stream().max(java.util.Comparator.comparing(Stamp::hlc)).orElse(null);
            ConflictDraft c = new ConflictDraft(null, "delete_edit", true, null, "edited", lastEdit, "deleted", edit.stamp());
            return new MergeResult(MergeResult.Status.CONFLICT, false, current.body(), current.stamps(), false, null,
                    List.of(), List.of(c), null);
        }
        return new MergeResult(MergeResult.Status.APPLIED, true, current.body(), current.stamps(), true, edit.stamp(),
                List.of(), List.of(), null);
    }

    /** The stamps map holds, for a set-valued field, one entry per element: {@code goals[<id>]}, {@code lifeAreas[housing]}. */
    static String elementKey(String field, String key) {
        return field + "[" + key + "]";
    }

    private static Stamp elementStamp(Map<String, Stamp> stamps, String field, String key, Stamp fieldStamp) {
        Stamp s = stamps.get(elementKey(field, key));
        return s != null ? s : fieldStamp;
    }

    /**
     * Elements the device's value put into the result get its stamp (so the device later knows them for its own);
     * removed elements lose theirs.
     */
    private static void stampElements(FieldSpec field, String name, Object before, Object after, Object mine,
                                      Map<String, Stamp> stamps, Stamp stamp) {
        boolean objects = field.kind() == FieldKind.OBJECT_LIST;
        Map<String, Object> b = SetMerge.keyed(before, objects);
        Map<String, Object> a = SetMerge.keyed(after, objects);
        Map<String, Object> m = SetMerge.keyed(mine, objects);
        for (String key : b.keySet()) {
            if (!a.containsKey(key)) stamps.remove(elementKey(name, key));
        }
        for (Map.Entry<String, Object> e : a.entrySet()) {
            if (!Values.same(e.getValue(), b.get(e.getKey())) && Values.same(e.getValue(), m.get(e.getKey()))) {
                stamps.put(elementKey(name, e.getKey()), stamp);
            }
        }
    }

    private static void put(Map<String, Object> body, Map<String, Stamp> stamps, String name, Object value, Stamp stamp) {
        if (value == null) {
            body.remove(name);
        } else {
            body.put(name, value);
        }
        stamps.put(name, stamp);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> fields) {
        Map<String, Object> out = new TreeMap<>();
        fields.forEach((k, v) -> {
            if (v != null) out.put(k, v);
        });
        return out;
    }

    static boolean isSetKind(FieldSpec f) {
        return f.kind() == FieldKind.ENUM_SET || f.kind() == FieldKind.UUID_SET || f.kind() == FieldKind.OBJECT_LIST;
    }
}
