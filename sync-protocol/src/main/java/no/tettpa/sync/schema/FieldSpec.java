package no.tettpa.sync.schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * One field of a record type: its JSON shape, its merge policy and its bounds. Build with the static
 * factories and the {@code with…} methods, e.g. {@code FieldSpec.text("phone", 40).asRequired()}.
 *
 * @param maxLength  for TEXT and LONG_TEXT: at most this many characters
 * @param min        for INTEGER and DECIMAL: the smallest allowed value, or null
 * @param max        for INTEGER and DECIMAL: the largest allowed value, or null
 * @param values     for ENUM and ENUM_SET: the allowed strings
 * @param maxItems   for sets and lists: at most this many elements
 * @param items      for OBJECT and OBJECT_LIST: the fields of each object
 * @param maxFutureDays for DATE and DATETIME: how far after today the value may lie, or null for no bound
 * @param format     a named format the value must satisfy (e.g. {@code national-id}), or null
 */
public record FieldSpec(String name, FieldKind kind, MergePolicy policy, boolean required, Integer maxLength,
                        BigDecimal min, BigDecimal max, List<String> values, Integer maxItems, List<FieldSpec> items,
                        Integer maxFutureDays, String format) {

    public FieldSpec {
        values = values == null ? List.of() : List.copyOf(values);
        items = items == null ? List.of() : List.copyOf(items);
    }

    private static FieldSpec of(String name, FieldKind kind) {
        MergePolicy policy = switch (kind) {
            case LONG_TEXT -> MergePolicy.LONG_TEXT;
            case ENUM_SET, UUID_SET, OBJECT_LIST -> MergePolicy.ADD_WINS_SET;
            default -> MergePolicy.LWW;
        };
        return new FieldSpec(name, kind, policy, false, null, null, null, null, null, null, null, null);
    }

    public static FieldSpec text(String name, int maxLength) {
        return of(name, FieldKind.TEXT).withMaxLength(maxLength);
    }

    public static FieldSpec longText(String name, int maxLength) {
        return of(name, FieldKind.LONG_TEXT).withMaxLength(maxLength);
    }

    public static FieldSpec integer(String name, long min, long max) {
        return of(name, FieldKind.INTEGER).withRange(BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    }

    public static FieldSpec decimal(String name, BigDecimal min, BigDecimal max) {
        return of(name, FieldKind.DECIMAL).withRange(min, max);
    }

    public static FieldSpec bool(String name) {
        return of(name, FieldKind.BOOLEAN);
    }

    public static FieldSpec date(String name) {
        return of(name, FieldKind.DATE);
    }

    public static FieldSpec dateTime(String name) {
        return of(name, FieldKind.DATETIME);
    }

    public static FieldSpec enumOf(String name, List<String> values) {
        return of(name, FieldKind.ENUM).withValues(values);
    }

    public static FieldSpec uuid(String name) {
        return of(name, FieldKind.UUID);
    }

    public static FieldSpec enumSet(String name, List<String> values) {
        return of(name, FieldKind.ENUM_SET).withValues(values).withMaxItems(values.size());
    }

    public static FieldSpec uuidSet(String name, int maxItems) {
        return of(name, FieldKind.UUID_SET).withMaxItems(maxItems);
    }

    public static FieldSpec objectList(String name, int maxItems, FieldSpec... items) {
        return new FieldSpec(name, FieldKind.OBJECT_LIST, MergePolicy.ADD_WINS_SET, false, null, null, null, null,
                maxItems, List.of(items), null, null);
    }

    public static FieldSpec object(String name, FieldSpec... items) {
        return new FieldSpec(name, FieldKind.OBJECT, MergePolicy.LWW, false, null, null, null, null, null,
                List.of(items), null, null);
    }

    public static FieldSpec json(String name) {
        return of(name, FieldKind.JSON);
    }

    public FieldSpec asRequired() {
        return new FieldSpec(name, kind, policy, true, maxLength, min, max, values, maxItems, items, maxFutureDays, format);
    }

    public FieldSpec policy(MergePolicy p) {
        return new FieldSpec(name, kind, p, required, maxLength, min, max, values, maxItems, items, maxFutureDays, format);
    }

    public FieldSpec lww() {
        return policy(MergePolicy.LWW);
    }

    public FieldSpec serverWins() {
        return policy(MergePolicy.SERVER_WINS);
    }

    public FieldSpec review() {
        return policy(MergePolicy.REVIEW);
    }

    public FieldSpec immutable() {
        return policy(MergePolicy.IMMUTABLE);
    }

    public FieldSpec derived() {
        return policy(MergePolicy.DERIVED);
    }

    public FieldSpec status() {
        return policy(MergePolicy.STATUS);
    }

    public FieldSpec notMoreThanDaysAhead(int days) {
        return new FieldSpec(name, kind, policy, required, maxLength, min, max, values, maxItems, items, days, format);
    }

    public FieldSpec format(String f) {
        return new FieldSpec(name, kind, policy, required, maxLength, min, max, values, maxItems, items, maxFutureDays, f);
    }

    private FieldSpec withMaxLength(int n) {
        return new FieldSpec(name, kind, policy, required, n, min, max, values, maxItems, items, maxFutureDays, format);
    }

    private FieldSpec withRange(BigDecimal lo, BigDecimal hi) {
        return new FieldSpec(name, kind, policy, required, maxLength, lo, hi, values, maxItems, items, maxFutureDays, format);
    }

    private FieldSpec withValues(List<String> v) {
        return new FieldSpec(name, kind, policy, required, maxLength, min, max, v, maxItems, items, maxFutureDays, format);
    }

    private FieldSpec withMaxItems(int n) {
        return new FieldSpec(name, kind, policy, required, maxLength, min, max, values, n, items, maxFutureDays, format);
    }

    public FieldSpec item(String itemName) {
        return items.stream().filter(i -> i.name().equals(itemName)).findFirst().orElse(null);
    }
}
