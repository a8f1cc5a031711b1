package no.tettpa.sync.merge;

import no.tettpa.sync.schema.FieldKind;
import no.tettpa.sync.schema.FieldSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Add-wins merge of a set-valued field (an enum set, a UUID set, or a list of objects keyed by {@code id}).
 * The device's additions (in its value, not in the base) are added; its removals (in the base, not in its value)
 * remove an element only if the server has not changed that element since the base. Everything the server added
 * stays, unless the device changed an element the server removed (then the device's element comes back). For
 * objects changed on both sides, {@code mineWins} decides (the merge compares the hybrid clock of the device's edit
 * with the element's own stamp) and the other version is reported as a clash.
 * The result keeps the server's order, with the device's additions after it, in the device's order.
 */
public final class SetMerge {
    private SetMerge() {}

    public record ElementClash(String key, Object base, Object theirs, Object mine) {}

    public record Result(List<Object> value, List<ElementClash> clashes) {}

    /**
     * @param mineWins   for an element changed on both sides: whether the device's version is the later one
     * @param ownElement whether an element's current version is the device's own earlier write (which it saw)
     * @param touchedSinceBase whether an element (of a list of objects) was written since the base, even if its
     *                   content is back to the base's
     */
    public static Result merge(FieldSpec field, Object base, Object theirs, Object mine, boolean baseKnown,
                               java.util.function.Predicate<String> mineWins,
                               java.util.function.Predicate<String> ownElement,
                               java.util.function.Predicate<String> touchedSinceBase) {
        boolean objects = field.kind() == FieldKind.OBJECT_LIST;
        Map<String, Object> b = keyed(base, objects);
        Map<String, Object> t = keyed(theirs, objects);
        Map<String, Object> m = keyed(mine, objects);
        Map<String, Object> out = new LinkedHashMap<>();
        List<ElementClash> clashes = new ArrayList<>();

        for (Map.Entry<String, Object> e : t.entrySet()) {
            String key = e.getKey();
            boolean own = ownElement.test(key);
            Object inBase = own ? e.getValue() : b.get(key);
            Object inMine = m.get(key);
            boolean removedByMe = (own || baseKnown && b.containsKey(key)) && !m.containsKey(key);
            boolean changedByThem = !Values.same(e.getValue(), inBase) || objects && !own && touchedSinceBase.test(key);
            if (removedByMe && !changedByThem) {
                continue;
            }
            if (objects && inMine != null && !Values.same(inMine, e.getValue())) {
                boolean changedByMe = !(baseKnown || own) || !Values.same(inMine, inBase);
                if (changedByMe && changedByThem) {
                    clashes.add(new ElementClash(key, inBase, e.getValue(), inMine));
                    out.put(key, mineWins.test(key) ? inMine : e.getValue());
                } else {
                    out.put(key, changedByMe ? inMine : e.getValue());
                }
                continue;
            }
            out.put(key, e.getValue());
        }
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String key = e.getKey();
            boolean seenBefore = baseKnown && b.containsKey(key);
            // An element the server removed stays removed, unless the device changed it meanwhile (add wins).
            boolean changedByMe = !seenBefore || !Values.same(e.getValue(), b.get(key));
            if (!t.containsKey(key) && changedByMe) {
                out.put(key, e.getValue());
            }
        }
        return new Result(new ArrayList<>(out.values()), clashes);
    }

    static Map<String, Object> keyed(Object value, boolean objects) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                String key = objects && o instanceof Map<?, ?> map ? String.valueOf(map.get("id")) : String.valueOf(o);
                out.put(key, o);
            }
        }
        return out;
    }
}
