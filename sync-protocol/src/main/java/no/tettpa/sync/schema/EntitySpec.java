package no.tettpa.sync.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A record type: its name on the wire, how it changes, which category it belongs to, its fields and rules.
 *
 * @param name              the {@code entity} name in mutations and changes
 * @param kind              append-only or editable
 * @param category          the category of a record, decided from its body when it is created (never changes)
 * @param fields            every field a device may send or receive
 * @param workflow          the status workflow, or null
 * @param locked            when true for the current body, the record is signed or closed: only
 *                          {@code writableWhenLocked} fields may change and a delete is refused
 * @param writableWhenLocked fields that may still change on a locked record (its lifecycle)
 * @param clientWritable    whether devices may create and edit it (false for server-made records)
 */
public record EntitySpec(String name, RecordKind kind, Function<Map<String, Object>, Category> category,
                         Map<String, FieldSpec> fields, StatusWorkflow workflow,
                         Predicate<Map<String, Object>> locked, Set<String> writableWhenLocked,
                         boolean clientWritable) {

    public static EntitySpec appendOnly(String name, Category category, FieldSpec... fields) {
        return new EntitySpec(name, RecordKind.APPEND_ONLY, b -> category, index(List.of(fields)), null,
                b -> false, Set.of(), true);
    }

    public static EntitySpec editable(String name, Category category, FieldSpec... fields) {
        return new EntitySpec(name, RecordKind.EDITABLE, b -> category, index(List.of(fields)), null,
                b -> false, Set.of(), true);
    }

    public EntitySpec categorisedBy(Function<Map<String, Object>, Category> rule) {
        return new EntitySpec(name, kind, rule, fields, workflow, locked, writableWhenLocked, clientWritable);
    }

    public EntitySpec withWorkflow(StatusWorkflow w) {
        return new EntitySpec(name, kind, category, fields, w, locked, writableWhenLocked, clientWritable);
    }

    public EntitySpec lockedWhen(Predicate<Map<String, Object>> rule, Set<String> stillWritable) {
        return new EntitySpec(name, kind, category, fields, workflow, rule, Set.copyOf(stillWritable), clientWritable);
    }

    public EntitySpec serverOnly() {
        return new EntitySpec(name, kind, category, fields, workflow, locked, writableWhenLocked, false);
    }

    public FieldSpec field(String fieldName) {
        return fields.get(fieldName);
    }

    public boolean appendOnly() {
        return kind == RecordKind.APPEND_ONLY;
    }

    private static Map<String, FieldSpec> index(List<FieldSpec> list) {
        Map<String, FieldSpec> m = new LinkedHashMap<>();
        for (FieldSpec f : list) {
            if (m.put(f.name(), f) != null) throw new IllegalArgumentException("duplicate field " + f.name());
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
