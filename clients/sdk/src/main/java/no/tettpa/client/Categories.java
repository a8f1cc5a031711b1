package no.tettpa.client;

import no.tettpa.sync.schema.EntitySpec;
import no.tettpa.sync.schema.Schemas;

import java.util.Map;

/** The category of a record, decided from its body when it is first seen (it never changes afterwards). */
final class Categories {
    private Categories() {}

    static String of(String entity, Map<String, Object> fields) {
        EntitySpec spec = Schemas.entity(entity).orElse(null);
        if (spec == null) return "core";
        return spec.category().apply(fields == null ? Map.of() : fields).wire();
    }
}
