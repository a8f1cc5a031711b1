package no.tettpa.sync.schema;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import no.tettpa.sync.RandomJson;
import no.tettpa.sync.merge.Values;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Every problem is reported with the field's path; nothing throws for bad input" ({@link Validation}). */
class ValidationPropertiesTest {

    record Input(EntitySpec spec, Map<String, Object> fields, Validation.Context ctx) {
        @Override
        public String toString() {
            return spec.name() + " " + fields + " today=" + ctx.today() + " formats=" + ctx.formats().keySet();
        }
    }

    static final Validation.Context WITH_FORMATS = ValidationEdgeTest.CTX;
    static final Validation.Context NO_FORMATS = new Validation.Context(LocalDate.parse("2026-11-23"), Map.of());

    /**
     * For every real record type: random fields (known and unknown names; values shaped like the field's kind with
     * edge cases, or any JSON value at all), as a JSON parser would give them and then {@link Values#normalize
     * normalized}; with the format checks of the vectors, or with none.
     */
    @Provide
    Arbitrary<Input> inputs() {
        List<EntitySpec> specs = new ArrayList<>(Schemas.all().values());
        return Arbitraries.randomValue(r -> {
            EntitySpec spec = specs.get(r.nextInt(specs.size()));
            return new Input(spec, Values.normalizeMap(RandomJson.fields(r, spec)), r.nextInt(4) == 0 ? NO_FORMATS : WITH_FORMATS);
        });
    }

    /**
     * <b>Never throws, create and update.</b> {@link Validation#forCreate} and {@link Validation#forUpdate} return for
     * any such input, and every error has a field path and a message.
     */
    @Property(tries = 5000)
    void validationNeverThrows(@ForAll("inputs") Input in) {
        for (List<Validation.FieldError> errors : List.of(Validation.forCreate(in.spec(), in.fields(), in.ctx()),
                Validation.forUpdate(in.spec(), in.fields(), in.ctx()))) {
            for (Validation.FieldError e : errors) {
                assertNotNull(e.field());
                assertNotNull(e.message());
            }
        }
    }

    /**
     * <b>Never throws, one value.</b> {@link Validation#value} returns for any JSON value against every field (and
     * every item field of objects and object lists) of every real record type, and names paths under the one given.
     */
    @Property(tries = 3000)
    void valueNeverThrows(@ForAll("values") Map.Entry<FieldSpec, Object> in) {
        List<Validation.FieldError> errors = new ArrayList<>();
        Validation.value(in.getKey(), in.getValue(), "f", WITH_FORMATS, errors);
        for (Validation.FieldError e : errors) assertTrue(e.field().startsWith("f"), e.toString());
    }

    @Provide
    Arbitrary<Map.Entry<FieldSpec, Object>> values() {
        List<FieldSpec> all = new ArrayList<>();
        for (EntitySpec spec : Schemas.all().values()) {
            for (FieldSpec f : spec.fields().values()) collect(f, all);
        }
        return Arbitraries.randomValue(r -> {
            FieldSpec f = all.get(r.nextInt(all.size()));
            return Map.entry(f, Values.normalize(random(r, f)));
        });
    }

    static Object random(Random r, FieldSpec f) {
        Object v = RandomJson.forField(r, f, 3);
        return v == null ? "" : v;
    }

    static void collect(FieldSpec f, List<FieldSpec> into) {
        into.add(f);
        for (FieldSpec i : f.items()) collect(i, into);
    }
}
