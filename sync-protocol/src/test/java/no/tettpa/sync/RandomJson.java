package no.tettpa.sync;

import no.tettpa.sync.schema.EntitySpec;
import no.tettpa.sync.schema.FieldSpec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random JSON-shaped values as a JSON parser would hand them over (Integer, Long, BigInteger, Double, BigDecimal,
 * String, Boolean, null, List, Map with any key order), both arbitrary and shaped like a field's kind with edge cases
 * (dates at the ends of the ISO range, offsets of ±18:00, texts with control characters, UUIDs in odd case, ...).
 * Feed them through {@link no.tettpa.sync.merge.Values#normalize} before use.
 */
public final class RandomJson {
    private RandomJson() {}

    static final List<String> STRINGS = List.of("", " ", "a", "X", "draft", "active", "ended", "open", "closed",
            "home", "planned", "housing", "health_care", "housing_support", "green", "person", "on_screen",
            "line\nbreak", "tab\there", "bell\u0007", "nul\u0000", "ø æ å", "😀", "\ud800", "12345678901", "1234567890",
            "kari@example.no", "no-at-sign", "2026-11-23", "2026-11-24", "2026-11-25", "2029-11-23", "1899-12-31",
            "+999999999-12-31", "-999999999-01-01", "2026-02-30", "2026-11-23T09:15:00+01:00",
            "2026-11-24T23:30:00-18:00", "+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00",
            "+999999999-12-31T23:59:59.999999999+18:00", "2026-11-23T09:15:00Z", "2026-11-23T09:15:00",
            "00000000-0000-4000-8000-000000000000", "AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE", "not-a-uuid",
            "x".repeat(201), "y".repeat(4001));

    public static Object any(Random r, int depth) {
        int k = r.nextInt(depth <= 0 ? 7 : 10);
        return switch (k) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> number(r);
            case 3, 4 -> STRINGS.get(r.nextInt(STRINGS.size()));
            case 5 -> randomString(r);
            case 6 -> r.nextInt(3) - 1;
            case 7 -> {
                List<Object> l = new ArrayList<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) l.add(any(r, depth - 1));
                yield l;
            }
            default -> {
                Map<String, Object> m = r.nextBoolean() ? new LinkedHashMap<>() : new HashMap<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) m.put(key(r, List.of()), any(r, depth - 1));
                yield m;
            }
        };
    }

    static Object number(Random r) {
        return switch (r.nextInt(9)) {
            case 0 -> r.nextInt(2000) - 1000;
            case 1 -> r.nextLong();
            case 2 -> Long.MAX_VALUE;
            case 3 -> Long.MIN_VALUE;
            case 4 -> new BigInteger(100, r);
            case 5 -> r.nextDouble() * 1e6;
            case 6 -> new BigDecimal(BigInteger.valueOf(r.nextLong()), r.nextInt(40) - 20);
            case 7 -> new BigDecimal("1E+400");
            default -> new BigDecimal("0.005");
        };
    }

    static String randomString(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) sb.append((char) (r.nextBoolean() ? r.nextInt(128) : r.nextInt(0x10000)));
        return sb.toString();
    }

    static String key(Random r, List<String> known) {
        if (!known.isEmpty() && r.nextInt(4) != 0) return known.get(r.nextInt(known.size()));
        return r.nextInt(3) == 0 ? "id" : STRINGS.get(r.nextInt(STRINGS.size()));
    }

    /** A value for {@code f}: usually shaped like its kind, sometimes anything. */
    public static Object forField(Random r, FieldSpec f, int depth) {
        if (r.nextInt(5) == 0) return any(r, depth);
        return switch (f.kind()) {
            case TEXT, LONG_TEXT, DATE, DATETIME, UUID -> STRINGS.get(r.nextInt(STRINGS.size()));
            case INTEGER, DECIMAL -> number(r);
            case BOOLEAN -> r.nextBoolean();
            case ENUM -> f.values().isEmpty() || r.nextInt(6) == 0 ? "nope" : f.values().get(r.nextInt(f.values().size()));
            case ENUM_SET, UUID_SET -> {
                List<Object> l = new ArrayList<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    l.add(f.values().isEmpty() || r.nextInt(4) == 0 ? STRINGS.get(r.nextInt(STRINGS.size()))
                            : f.values().get(r.nextInt(f.values().size())));
                }
                yield l;
            }
            case OBJECT_LIST -> {
                List<Object> l = new ArrayList<>();
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) l.add(object(r, f, depth - 1, true));
                yield l;
            }
            case OBJECT -> object(r, f, depth - 1, false);
            case JSON -> any(r, depth - 1);
        };
    }

    static Map<String, Object> object(Random r, FieldSpec f, int depth, boolean withId) {
        Map<String, Object> m = r.nextBoolean() ? new LinkedHashMap<>() : new HashMap<>();
        if (withId && r.nextInt(5) != 0) {
            m.put("id", r.nextInt(4) == 0 ? "not-a-uuid" : "00000000-0000-4000-8000-00000000000" + r.nextInt(3));
        }
        for (FieldSpec item : f.items()) {
            if (r.nextInt(4) != 0) m.put(item.name(), forField(r, item, depth));
        }
        if (r.nextInt(8) == 0) m.put(key(r, List.of()), any(r, 0));
        return m;
    }

    /** Random fields of {@code spec}: known ones with kind-shaped or arbitrary values, sometimes unknown keys. */
    public static Map<String, Object> fields(Random r, EntitySpec spec) {
        Map<String, Object> m = r.nextBoolean() ? new LinkedHashMap<>() : new HashMap<>();
        for (FieldSpec f : spec.fields().values()) {
            if (r.nextInt(3) != 0) m.put(f.name(), forField(r, f, 3));
        }
        if (r.nextInt(6) == 0) m.put(key(r, List.of()), any(r, 1));
        return m;
    }

    // ---------------------------------------------------------------- valid values (what the merge is given)

    static final List<String> UUIDS = List.of("00000000-0000-4000-8000-000000000000",
            "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002");

    /** A value that passes {@link no.tettpa.sync.schema.Validation} for {@code f}, from a small domain. */
    public static Object valid(Random r, FieldSpec f) {
        return switch (f.kind()) {
            case TEXT, LONG_TEXT -> f.format() == null ? List.of("a", "b", "c").get(r.nextInt(3))
                    : "email".equals(f.format()) ? List.of("a@x.no", "b@x.no").get(r.nextInt(2))
                    : List.of("12345678901", "10987654321").get(r.nextInt(2));
            case INTEGER -> f.min().longValue() + r.nextInt(3);
            case DECIMAL -> List.of(0L, 1L, new BigDecimal("2.5")).get(r.nextInt(3));
            case BOOLEAN -> r.nextBoolean();
            case DATE -> List.of("2026-11-20", "2026-11-21", "2026-11-22").get(r.nextInt(3));
            case DATETIME -> List.of("2026-11-22T09:15:00+01:00", "2026-11-23T10:00:00Z").get(r.nextInt(2));
            case ENUM -> f.values().get(r.nextInt(f.values().size()));
            case UUID -> UUIDS.get(r.nextInt(UUIDS.size()));
            case ENUM_SET, UUID_SET -> {
                List<String> from = f.kind() == no.tettpa.sync.schema.FieldKind.ENUM_SET ? f.values() : UUIDS;
                List<Object> l = new ArrayList<>();
                for (String v : from) if (r.nextInt(3) == 0 && l.size() < 4) l.add(v);
                java.util.Collections.shuffle(l, r);
                yield l;
            }
            case OBJECT_LIST -> {
                List<Object> l = new ArrayList<>();
                for (String id : UUIDS) {
                    if (r.nextBoolean()) {
                        Map<String, Object> m = validObject(r, f);
                        m.put("id", id);
                        l.add(m);
                    }
                }
                java.util.Collections.shuffle(l, r);
                yield l;
            }
            case OBJECT -> validObject(r, f);
            case JSON -> List.of("a", 1L, List.of("b")).get(r.nextInt(3));
        };
    }

    static Map<String, Object> validObject(Random r, FieldSpec f) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (FieldSpec item : f.items()) {
            if (item.required() || r.nextBoolean()) m.put(item.name(), valid(r, item));
        }
        return m;
    }

    /** A body a record of {@code spec} could have: every required field, some optional ones, a start status. */
    public static Map<String, Object> validBody(Random r, EntitySpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (FieldSpec f : spec.fields().values()) {
            if (f.required() || r.nextBoolean()) m.put(f.name(), valid(r, f));
        }
        if (spec.workflow() != null) {
            List<String> statuses = new ArrayList<>(new java.util.TreeSet<>(spec.workflow().statuses()));
            m.put(spec.workflow().field(), statuses.get(r.nextInt(statuses.size())));
        }
        return m;
    }
}
