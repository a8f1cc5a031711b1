package no.tettpa.sync.schema;

import no.tettpa.sync.schema.records.FieldRecords;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The record types of the current schema version, by their wire name. */
public final class Schemas {
    private static final Map<String, EntitySpec> CURRENT;

    static {
        Map<String, EntitySpec> m = new LinkedHashMap<>();
        for (EntitySpec e : List.of(FieldRecords.PERSON, FieldRecords.EPISODE, FieldRecords.VISIT,
                FieldRecords.AGREEMENT, FieldRecords.AGREEMENT_PROGRESS, FieldRecords.ARREARS_CASE,
                FieldRecords.ARREARS_EVENT, FieldRecords.RATING, FieldRecords.TASK, FieldRecords.CONFLICT)) {
            m.put(e.name(), e);
        }
        CURRENT = java.util.Collections.unmodifiableMap(m);
    }

    private Schemas() {}

    public static Optional<EntitySpec> entity(String name) {
        return Optional.ofNullable(CURRENT.get(name));
    }

    public static Map<String, EntitySpec> all() {
        return CURRENT;
    }
}
