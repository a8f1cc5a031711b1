package no.tettpa.sync.merge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Field values as plain JSON-shaped Java values: null, String, Boolean, Long (whole numbers), BigDecimal (other
 * numbers), List and Map (sorted by key). {@link #normalize} brings any JSON parser's output to this shape so
 * that values read from a device, from the database and from a test vector compare equal when they are equal.
 */
public final class Values {
    private Values() {}

    public static Object normalize(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : new BigDecimal(b);
        }
        if (value instanceof BigDecimal d) {
            return wholeOrDecimal(d);
        }
        if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("not a JSON number");
            }
            return wholeOrDecimal(BigDecimal.valueOf(v));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), normalize(v)));
            return sorted;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(normalize(o));
            }
            return out;
        }
        if (value instanceof Character || value instanceof CharSequence) {
            return value.toString();
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> normalizeMap(Map<String, ?> map) {
        return map == null ? new TreeMap<>() : (Map<String, Object>) normalize(map);
    }

    private static Object wholeOrDecimal(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
            return stripped.longValueExact();
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Equality of normalized values; numbers compare by value. */
    public static boolean same(Object a, Object b) {
        Object x = normalize(a);
        Object y = normalize(b);
        if (x instanceof BigDecimal dx && y instanceof BigDecimal dy) {
            return dx.compareTo(dy) == 0;
        }
        return java.util.Objects.equals(x, y);
    }
}
