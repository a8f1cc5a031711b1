package no.tettpa.client;

import no.tettpa.sync.clock.HlcClock;
import no.tettpa.sync.merge.Values;
import no.tettpa.sync.schema.EntitySpec;
import no.tettpa.sync.schema.FieldSpec;
import no.tettpa.sync.schema.MergePolicy;
import no.tettpa.sync.schema.Schemas;
import no.tettpa.sync.schema.StatusWorkflow;
import no.tettpa.sync.schema.Validation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns the app's changes into outbox entries (PROTOCOL.md § 10 step 1): checks what the device can check, numbers
 * the change with the next seq, stamps it with the hybrid clock, and updates the record's view, all inside the
 * caller's one transaction.
 */
final class LocalEdits {
    private final FieldClientConfig config;
    private final HlcClock clock;

    LocalEdits(FieldClientConfig config, HlcClock clock) {
        this.config = config;
        this.clock = clock;
    }

    private Instant now() {
        return Instant.ofEpochMilli(config.wallClock().getAsLong());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now(), Validation.Context.NORWAY);
    }

    /**
     * The field checks the device makes before queueing a create or an update: values normalized as the merge
     * rules compare them, dates bounded from {@code today} in Norway, named formats from the configuration.
     */
    static List<Validation.FieldError> fieldErrors(EntitySpec spec, String op, Map<String, Object> fields, LocalDate today,
                                                   Map<String, Validation.FormatCheck> formats) {
        Validation.Context ctx = new Validation.Context(today, formats);
        return "create".equals(op) ? Validation.forCreate(spec, fields, ctx) : Validation.forUpdate(spec, fields, ctx);
    }

    private static void requireActive(StoreTransaction tx) {
        if ("revoked".equals(tx.meta(Meta.STATE).orElse("active"))) {
            throw new LocalValidationException("device_revoked", null, "this device was revoked; nothing is recorded on it");
        }
    }

    private static EntitySpec spec(String entity) {
        return Schemas.entity(entity).orElseThrow(() ->
                new LocalValidationException("unknown_entity", "entity", "unknown entity '" + entity + "'"));
    }

    static Map<String, Object> normalized(Map<String, ?> fields) {
        try {
            return Values.normalizeMap(fields == null ? Map.of() : fields);
        } catch (IllegalArgumentException e) {
            throw new LocalValidationException("validation", "fields", "fields must be JSON values");
        }
    }

    private static void refuseIfInvalid(List<Validation.FieldError> errors) {
        if (errors.isEmpty()) return;
        boolean unknown = errors.stream().anyMatch(e -> e.message().startsWith("is not a field"));
        throw new LocalValidationException(unknown ? "unknown_field" : "validation", errors);
    }

    UUID create(StoreTransaction tx, String entity, UUID recordId, UUID personId, Map<String, ?> input) {
        requireActive(tx);
        EntitySpec spec = spec(entity);
        if (!spec.clientWritable()) {
            throw new LocalValidationException("server_only", null, entity + " records are created by the team, not on devices");
        }
        Map<String, Object> fields = normalized(input);
        refuseIfInvalid(fieldErrors(spec, "create", fields, today(), config.formats()));
        String category = spec.category().apply(fields).wire();
        requireScope(tx, personId, category);
        if (tx.record(recordId).isPresent() || !tx.outboxForRecord(recordId).isEmpty()) {
            throw new LocalValidationException("id_conflict", null, "a record with this id exists; use a new id");
        }
        queue(tx, entity, "create", recordId, personId, category, null, fields);
        return recordId;
    }

    /** @return false when nothing differs from what the device holds (nothing is queued) */
    boolean update(StoreTransaction tx, String entity, UUID recordId, Map<String, ?> input) {
        requireActive(tx);
        EntitySpec spec = spec(entity);
        LocalRecord r = existing(tx, entity, recordId);
        if (spec.appendOnly()) {
            throw new LocalValidationException("append_only", null, entity + " entries never change: record a correction");
        }
        Map<String, Object> changes = new TreeMap<>();
        normalized(input).forEach((k, v) -> {
            if (!Values.same(v, r.fields().get(k))) changes.put(k, v);
        });
        if (changes.isEmpty()) return false;
        if ("conflict".equals(entity) && !changes.keySet().equals(java.util.Set.of("resolution"))) {
            throw new LocalValidationException("validation", "resolution", "a conflict is resolved by its resolution only");
        }
        refuseIfInvalid(fieldErrors(spec, "update", changes, today(), config.formats()));
        checkRecordRules(spec, r.fields(), changes);
        requireScope(tx, r.personId(), r.category());
        queue(tx, entity, "update", recordId, r.personId(), r.category(), baseVersion(r), changes);
        return true;
    }

    void delete(StoreTransaction tx, String entity, UUID recordId) {
        requireActive(tx);
        EntitySpec spec = spec(entity);
        LocalRecord r = existing(tx, entity, recordId);
        if (spec.appendOnly()) {
            throw new LocalValidationException("append_only", null, entity + " entries are never deleted: record a correction");
        }
        if (!spec.clientWritable()) {
            throw new LocalValidationException("server_only", null, entity + " records are removed by the team, not on devices");
        }
        if (spec.locked().test(r.fields())) {
            throw new LocalValidationException("locked", null, "a signed " + entity + " is never deleted; end it instead");
        }
        requireScope(tx, r.personId(), r.category());
        queue(tx, entity, "delete", recordId, r.personId(), r.category(), baseVersion(r), null);
    }

    private static LocalRecord existing(StoreTransaction tx, String entity, UUID recordId) {
        LocalRecord r = tx.record(recordId).filter(x -> !x.deleted()).orElseThrow(() ->
                new LocalValidationException("not_found", null, "no such " + entity + " on this device"));
        if (!r.entity().equals(entity)) {
            throw new LocalValidationException("id_conflict", "entity", "the record is a " + r.entity());
        }
        return r;
    }

    /** The version the change is made against; a record created here and not yet acknowledged is at version 1. */
    private static long baseVersion(LocalRecord r) {
        return r.serverVersion() > 0 ? r.serverVersion() : 1;
    }

    private static void checkRecordRules(EntitySpec spec, Map<String, Object> current, Map<String, Object> changes) {
        boolean locked = spec.locked().test(current);
        StatusWorkflow workflow = spec.workflow();
        for (String name : changes.keySet()) {
            FieldSpec f = spec.field(name);
            if (f.policy() == MergePolicy.IMMUTABLE) {
                throw new LocalValidationException("immutable", name, name + " is fixed when the record is created");
            }
            if (locked && !spec.writableWhenLocked().contains(name)) {
                throw new LocalValidationException("locked", name, "this " + spec.name() + " is signed; make a new version");
            }
            if (workflow != null && workflow.field().equals(name)
                    && !workflow.allowed(String.valueOf(current.get(name)), String.valueOf(changes.get(name)))) {
                throw new LocalValidationException("invalid_transition", name,
                        "cannot move " + name + " from '" + current.get(name) + "' to '" + changes.get(name) + "'");
            }
        }
    }

    private static void requireScope(StoreTransaction tx, UUID personId, String category) {
        if (personId == null || !Scopes.holds(tx, personId, category)) {
            throw new LocalValidationException("out_of_scope", "personId",
                    "this person's " + category + " records are not shared with this device");
        }
    }

    private void queue(StoreTransaction tx, String entity, String op, UUID recordId, UUID personId, String category,
                       Long baseVersion, Map<String, Object> fields) {
        long seq = tx.meta(Meta.NEXT_SEQ).map(Long::parseLong).orElse(1L);
        tx.putMeta(Meta.NEXT_SEQ, String.valueOf(seq + 1));
        String hlc = clock.now().toString();
        tx.putMeta(Meta.HLC, hlc);
        tx.appendOutbox(new OutboxEntry(seq, entity, op, recordId, personId, category, baseVersion, hlc, fields,
                now().toString()));
        RecordViews.refresh(tx, recordId);
    }
}
