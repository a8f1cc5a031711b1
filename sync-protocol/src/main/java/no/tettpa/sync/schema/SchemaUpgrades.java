package no.tettpa.sync.schema;

import no.tettpa.sync.ProtocolVersion;

import java.util.Map;
import java.util.TreeMap;

/**
 * How records change between schema versions, in both directions: mutations from an app built for an older
 * schema are upgraded before they are judged, and records sent to it are downgraded so it can read them.
 *
 * <p>Schema 1 → 2: a visit's {@code duration} (minutes) became {@code durationMinutes}, and the visit kind
 * {@code not_met} became {@code failed_attempt}.
 */
public final class SchemaUpgrades {
    private SchemaUpgrades() {}

    public static Map<String, Object> upgrade(String entity, Map<String, Object> fields, int fromVersion) {
        Map<String, Object> out = new TreeMap<>(fields);
        if (fromVersion < 2 && "visit".equals(entity)) {
            if (out.containsKey("duration")) out.put("durationMinutes", out.remove("duration"));
            if ("not_met".equals(out.get("kind"))) out.put("kind", "failed_attempt");
        }
        return out;
    }

    public static Map<String, Object> downgrade(String entity, Map<String, Object> fields, int toVersion) {
        if (toVersion >= ProtocolVersion.SCHEMA_CURRENT || fields == null) return fields;
        Map<String, Object> out = new TreeMap<>(fields);
        if (toVersion < 2 && "visit".equals(entity)) {
            if (out.containsKey("durationMinutes")) out.put("duration", out.remove("durationMinutes"));
            if ("failed_attempt".equals(out.get("kind"))) out.put("kind", "not_met");
        }
        return out;
    }
}
