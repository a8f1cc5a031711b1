package no.tettpa.sync.merge;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import no.tettpa.sync.RandomJson;
import no.tettpa.sync.clock.Hlc;
import no.tettpa.sync.schema.EntitySpec;
import no.tettpa.sync.schema.FieldSpec;
import no.tettpa.sync.schema.MergePolicy;
import no.tettpa.sync.schema.Schemas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Merger} is a pure function of its inputs, so that server, clients and the JSON vectors agree. */
class MergeDeterminismPropertiesTest {

    record Input(EntitySpec spec, RecordState base, RecordState current, Edit edit) {}

    static final List<EntitySpec> SPECS;

    static {
        List<EntitySpec> specs = new ArrayList<>(Schemas.all().values());
        specs.add(SyncModel.THING);
        SPECS = List.copyOf(specs);
    }

    static Stamp stamp(Random r) {
        String device = List.of("d0", "d1", "d2").get(r.nextInt(3));
        return new Stamp(new Hlc(1_000 + r.nextInt(5), r.nextInt(2), device), "staff-" + device,
                r.nextInt(6) == 0 ? null : device);
    }

    static Map<String, Stamp> stamps(Random r, Map<String, Object> body) {
        Map<String, Stamp> s = new TreeMap<>();
        body.keySet().forEach(f -> s.put(f, stamp(r)));
        return s;
    }

    /**
     * Inputs as the sync engine gives them: for every real record type (and the model's), a current state with a
     * valid body (or none), a base that is either the current state, an earlier random state or unknown, and a
     * valid edit of any op with any base version, whose fields are valid values from small domains (so values
     * and stamps often coincide, and devices meet their own earlier writes).
     */
    @Provide
    Arbitrary<Input> inputs() {
        return Arbitraries.randomValue(r -> {
            EntitySpec spec = SPECS.get(r.nextInt(SPECS.size()));
            long version = 1 + r.nextInt(4);
            RecordState current = null;
            if (r.nextInt(8) != 0) {
                Map<String, Object> body = Values.normalizeMap(RandomJson.validBody(r, spec));
                current = new RecordState(spec.name(), version, r.nextInt(6) == 0, body, stamps(r, body),
                        r.nextInt(6) == 0 ? stamp(r) : null);
            }
            RecordState base = switch (r.nextInt(3)) {
                case 0 -> current;
                case 1 -> null;
                default -> {
                    Map<String, Object> body = Values.normalizeMap(RandomJson.validBody(r, spec));
                    yield new RecordState(spec.name(), 1, false, body, stamps(r, body), null);
                }
            };
            Edit.Op op = Edit.Op.values()[r.nextInt(3)];
            Map<String, Object> fields = new LinkedHashMap<>();
            if (op == Edit.Op.CREATE) {
                fields.putAll(RandomJson.validBody(r, spec));
                spec.fields().values().stream().filter(f -> f.policy() == MergePolicy.DERIVED)
                        .forEach(f -> fields.remove(f.name()));
            } else if (op == Edit.Op.UPDATE) {
                for (FieldSpec f : spec.fields().values()) {
                    if (f.policy() == MergePolicy.DERIVED || r.nextInt(3) != 0) continue;
                    fields.put(f.name(), !f.required() && r.nextInt(5) == 0 ? null : RandomJson.valid(r, f));
                }
                if (spec.workflow() != null && r.nextBoolean()) {
                    List<String> statuses = new ArrayList<>(new java.util.TreeSet<>(spec.workflow().statuses()));
                    fields.put(spec.workflow().field(), statuses.get(r.nextInt(statuses.size())));
                }
            }
            Long baseVersion = op == Edit.Op.CREATE || r.nextInt(10) == 0 ? null : (long) r.nextInt((int) version + 2);
            Map<String, Object> normalized = new LinkedHashMap<>();
            fields.forEach((k, v) -> normalized.put(k, Values.normalize(v)));
            return new Input(spec, base, current, new Edit(op, baseVersion, normalized, stamp(r)));
        });
    }

    /**
     * <b>Same inputs, same result.</b> Merging the same (spec, base, current, edit) twice gives results equal in every
     * field: status, changed, body, stamps, deleted, deletedBy, resolutions, conflicts and rejection.
     */
    @Property(tries = 3000)
    void sameInputsGiveEqualResults(@ForAll("inputs") Input in) {
        MergeResult a = Merger.merge(in.spec(), in.base(), in.current(), in.edit());
        MergeResult b = Merger.merge(in.spec(), in.base(), in.current(), in.edit());
        assertFieldsEqual(a, b);
    }

    /**
     * <b>Equal inputs, same result.</b> Merging equal inputs whose maps iterate in a different order (every map, at
     * every depth, rebuilt with its keys in reverse order) gives results equal in every field: the result does not
     * depend on a map's iteration order, which differs between JSON parsers, languages and even JVM runs.
     */
    @Property(tries = 3000)
    void equalInputsInAnotherMapOrderGiveEqualResults(@ForAll("inputs") Input in) {
        MergeResult a = Merger.merge(in.spec(), in.base(), in.current(), in.edit());
        Edit e = in.edit();
        @SuppressWarnings("unchecked")
        Edit reordered = new Edit(e.op(), e.baseVersion(), (Map<String, Object>) reversed(e.fields()), e.stamp());
        MergeResult b = Merger.merge(in.spec(), reversed(in.base()), reversed(in.current()), reordered);
        assertFieldsEqual(a, b);
    }

    static void assertFieldsEqual(MergeResult a, MergeResult b) {
        assertEquals(a.status(), b.status(), "status");
        assertEquals(a.changed(), b.changed(), "changed");
        assertEquals(a.body(), b.body(), "body");
        assertEquals(a.stamps(), b.stamps(), "stamps");
        assertEquals(a.deleted(), b.deleted(), "deleted");
        assertEquals(a.deletedBy(), b.deletedBy(), "deletedBy");
        assertEquals(a.resolutions(), b.resolutions(), "resolutions");
        assertEquals(a.conflicts(), b.conflicts(), "conflicts");
        assertEquals(a.rejection(), b.rejection(), "rejection");
    }

    static RecordState reversed(RecordState s) {
        if (s == null) return null;
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) reversed(s.body());
        return new RecordState(s.entity(), s.version(), s.deleted(), body, s.stamps(), s.deletedBy());
    }

    static Object reversed(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<Object> keys = new ArrayList<>(m.keySet());
            java.util.Collections.reverse(keys);
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Object k : keys) out.put(k, reversed(m.get(k)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(reversed(o));
            return out;
        }
        return v;
    }
}
