package no.tettpa.client;

import no.tettpa.sync.merge.Values;
import no.tettpa.sync.schema.FieldKind;
import no.tettpa.sync.schema.FieldSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-expresses a pending change of a set-valued field (a list of goals, a set of life areas) on top of a newer copy:
 * the elements the device added, changed or removed relative to what it showed when it made the change are applied
 * to the newer value, and everything else in the newer value stays.
 *
 * <p>Why: the server stores a merged set value with the device's own stamp and then treats it as something the
 * device saw (its "own earlier write"), so a later pending change carrying the device's stale copy of another
 * worker's element would silently replace that element. Rebasing the pending change onto the merged value the
 * outcome returned keeps the other worker's element (see {@code ServerBugsTest}).
 */
final class SetRebase {
    private SetRebase() {}

    static boolean isSet(FieldSpec f) {
        return f.kind() == FieldKind.ENUM_SET || f.kind() == FieldKind.UUID_SET || f.kind() == FieldKind.OBJECT_LIST;
    }

    /**
     * @param before what the device showed before its change
     * @param mine   the value its change sent
     * @param onto   the newer value to re-express it on
     */
    static List<Object> rebase(FieldSpec f, Object before, Object mine, Object onto) {
        Map<String, Object> had = keyed(f, before);
        Map<String, Object> sent = keyed(f, mine);
        Map<String, Object> out = keyed(f, onto);
        for (String key : had.keySet()) {
            if (!sent.containsKey(key)) out.remove(key);
        }
        for (Map.Entry<String, Object> e : sent.entrySet()) {
            if (!had.containsKey(e.getKey()) || !Values.same(had.get(e.getKey()), e.getValue())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return new ArrayList<>(out.values());
    }

    private static Map<String, Object> keyed(FieldSpec f, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                String key = f.kind() == FieldKind.OBJECT_LIST && o instanceof Map<?, ?> m ? String.valueOf(m.get("id"))
                        : String.valueOf(o);
                out.put(key, o);
            }
        }
        return out;
    }
}
