package no.tettpa.sync.schema;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks field values against their {@link FieldSpec}s. Values must already be {@link
 * no.tettpa.sync.merge.Values#normalize normalized}. Every problem is reported with the field's path
 * ({@code goals[2].text}); nothing throws for bad input.
 */
public final class Validation {
    /** A problem with one field; {@code field} is a path such as {@code signatures[0].method}. */
    public record FieldError(String field, String message) {}

    /** A check for a named {@link FieldSpec#format()}, returning a problem or empty. */
    @FunctionalInterface
    public interface FormatCheck {
        Optional<String> problem(String value);
    }

    /** What validation needs to know beyond the value: today's date in Norway and the format checks. */
    public record Context(LocalDate today, Map<String, FormatCheck> formats) {
        public static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

        public static Context today(Map<String, FormatCheck> formats) {
            return new Context(LocalDate.now(NORWAY), formats);
        }
    }

    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final int MAX_DECIMAL_SCALE = 2;

    private Validation() {}

    /** A new record: every required field present, no unknown or server-managed field, every value valid. */
    public static List<FieldError> forCreate(EntitySpec spec, Map<String, Object> fields, Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        checkKnownAndClientWritable(spec, fields, errors);
        for (FieldSpec f : spec.fields().values()) {
            Object v = fields.get(f.name());
            if (f.required() && f.policy() != MergePolicy.DERIVED && v == null) {
                errors.add(new FieldError(f.name(), "is required"));
            } else if (v != null && spec.fields().containsKey(f.name()) && f.policy() != MergePolicy.DERIVED) {
                value(f, v, f.name(), ctx, errors);
            }
        }
        if (spec.workflow() != null) {
            Object status = fields.get(spec.workflow().field());
            if (status instanceof String s && !spec.workflow().initial().contains(s)) {
                errors.add(new FieldError(spec.workflow().field(), "a new record cannot start as '" + s + "'"));
            }
        }
        return errors;
    }

    /** Changed fields of an existing record: known, client-writable, valid; a required field is never cleared. */
    public static List<FieldError> forUpdate(EntitySpec spec, Map<String, Object> fields, Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        checkKnownAndClientWritable(spec, fields, errors);
        fields.forEach((name, v) -> {
            FieldSpec f = spec.field(name);
            if (f == null || f.policy() == MergePolicy.DERIVED) return;
            if (v == null) {
                if (f.required()) errors.add(new FieldError(name, "is required and cannot be cleared"));
            } else {
                value(f, v, name, ctx, errors);
            }
        });
        return errors;
    }

    private static void checkKnownAndClientWritable(EntitySpec spec, Map<String, Object> fields, List<FieldError> errors) {
        for (String name : fields.keySet()) {
            FieldSpec f = spec.field(name);
            if (f == null) {
                errors.add(new FieldError(name, "is not a field of " + spec.name()));
            } else if (f.policy() == MergePolicy.DERIVED) {
                errors.add(new FieldError(name, "is set by the server"));
            }
        }
    }

    /** Checks one value, appending problems under {@code path}. */
    public static void value(FieldSpec f, Object v, String path, Context ctx, List<FieldError> errors) {
        switch (f.kind()) {
            case TEXT, LONG_TEXT -> text(f, v, path, ctx, errors);
            case INTEGER -> {
                if (!(v instanceof Long n)) {
                    errors.add(new FieldError(path, "must be a whole number"));
                } else {
                    range(f, BigDecimal.valueOf(n), path, errors);
                }
            }
            case DECIMAL -> {
                BigDecimal d = v instanceof Long n ? BigDecimal.valueOf(n) : v instanceof BigDecimal b ? b : null;
                if (d == null) {
                    errors.add(new FieldError(path, "must be a number"));
                } else if (d.scale() > MAX_DECIMAL_SCALE) {
                    errors.add(new FieldError(path, "must have at most " + MAX_DECIMAL_SCALE + " decimals"));
                } else {
                    range(f, d, path, errors);
                }
            }
            case BOOLEAN -> {
                if (!(v instanceof Boolean)) errors.add(new FieldError(path, "must be true or false"));
            }
            case DATE -> date(f, v, path, ctx, errors);
            case DATETIME -> dateTime(f, v, path, ctx, errors);
            case ENUM -> {
                if (!(v instanceof String s) || !f.values().contains(s)) {
                    errors.add(new FieldError(path, "must be one of " + String.join(", ", f.values())));
                }
            }
            case UUID -> {
                if (!isUuid(v)) errors.add(new FieldError(path, "must be a UUID"));
            }
            case ENUM_SET, UUID_SET -> set(f, v, path, errors);
            case OBJECT_LIST -> objectList(f, v, path, ctx, errors);
            case JSON -> {
                // checked by whoever interprets it (a conflict resolution is checked against its target field)
            }
            case OBJECT -> {
                if (!(v instanceof Map<?, ?> m)) {
                    errors.add(new FieldError(path, "must be an object"));
                } else {
                    object(f, castMap(m), path, ctx, errors);
                }
            }
        }
    }

    public static boolean isUuid(Object v) {
        return v instanceof String s && UUID_TEXT.matcher(s).matches();
    }

    private static void text(FieldSpec f, Object v, String path, Context ctx, List<FieldError> errors) {
        if (!(v instanceof String s)) {
            errors.add(new FieldError(path, "must be text"));
            return;
        }
        if (f.maxLength() != null && s.codePointCount(0, s.length()) > f.maxLength()) {
            errors.add(new FieldError(path, "must be at most " + f.maxLength() + " characters"));
        }
        if (f.kind() == FieldKind.TEXT && (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0)) {
            errors.add(new FieldError(path, "must be a single line"));
        }
        if (s.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
            errors.add(new FieldError(path, "must not contain control characters"));
        }
        if (f.format() != null) {
            FormatCheck check = ctx.formats().get(f.format());
            if (check == null) {
                errors.add(new FieldError(path, "cannot be checked (unknown format " + f.format() + ")"));
            } else {
                check.problem(s).ifPresent(p -> errors.add(new FieldError(path, p)));
            }
        }
    }

    private static void range(FieldSpec f, BigDecimal d, String path, List<FieldError> errors) {
        if (f.min() != null && d.compareTo(f.min()) < 0) {
            errors.add(new FieldError(path, "must be at least " + f.min().toPlainString()));
        }
        if (f.max() != null && d.compareTo(f.max()) > 0) {
            errors.add(new FieldError(path, "must be at most " + f.max().toPlainString()));
        }
    }

    private static void date(FieldSpec f, Object v, String path, Context ctx, List<FieldError> errors) {
        if (!(v instanceof String s)) {
            errors.add(new FieldError(path, "must be a date (YYYY-MM-DD)"));
            return;
        }
        try {
            LocalDate d = LocalDate.parse(s);
            if (d.getYear() < 1900) {
                errors.add(new FieldError(path, "is too far in the past"));
            } else if (f.maxFutureDays() != null && d.isAfter(ctx.today().plusDays(f.maxFutureDays()))) {
                errors.add(new FieldError(path, "must not be more than " + f.maxFutureDays() + " days in the future"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(path, "must be a date (YYYY-MM-DD)"));
        }
    }

    private static void dateTime(FieldSpec f, Object v, String path, Context ctx, List<FieldError> errors) {
        if (!(v instanceof String s)) {
            errors.add(new FieldError(path, "must be a date and time with offset"));
            return;
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(s);
            LocalDate d;
            try {
                d = t.atZoneSameInstant(Context.NORWAY).toLocalDate();
            } catch (DateTimeException outOfRange) {
                // at the very ends of the ISO range the instant has no date in Norway: its own date is as good
                d = t.toLocalDate();
            }
            if (d.getYear() < 1900) {
                errors.add(new FieldError(path, "is too far in the past"));
            } else if (f.maxFutureDays() != null && d.isAfter(ctx.today().plusDays(f.maxFutureDays()))) {
                errors.add(new FieldError(path, "must not be more than " + f.maxFutureDays() + " days in the future"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(path, "must be a date and time with offset, e.g. 2026-11-23T09:15:00+01:00"));
        }
    }

    private static void set(FieldSpec f, Object v, String path, List<FieldError> errors) {
        if (!(v instanceof List<?> list)) {
            errors.add(new FieldError(path, "must be a list"));
            return;
        }
        if (f.maxItems() != null && list.size() > f.maxItems()) {
            errors.add(new FieldError(path, "must have at most " + f.maxItems() + " elements"));
        }
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            String at = path + "[" + i + "]";
            if (f.kind() == FieldKind.ENUM_SET && !(e instanceof String s && f.values().contains(s))) {
                errors.add(new FieldError(at, "must be one of " + String.join(", ", f.values())));
            } else if (f.kind() == FieldKind.UUID_SET && !isUuid(e)) {
                errors.add(new FieldError(at, "must be a UUID"));
            } else if (!seen.add(e)) {
                errors.add(new FieldError(at, "is listed twice"));
            }
        }
    }

    private static void objectList(FieldSpec f, Object v, String path, Context ctx, List<FieldError> errors) {
        if (!(v instanceof List<?> list)) {
            errors.add(new FieldError(path, "must be a list"));
            return;
        }
        if (f.maxItems() != null && list.size() > f.maxItems()) {
            errors.add(new FieldError(path, "must have at most " + f.maxItems() + " elements"));
        }
        Set<Object> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            Map<String, Object> item = castMap(m);
            Object id = item.get("id");
            if (!isUuid(id)) {
                errors.add(new FieldError(at + ".id", "must be a UUID"));
            } else if (!ids.add(id)) {
                errors.add(new FieldError(at + ".id", "is listed twice"));
            }
            object(f, item, at, ctx, errors);
        }
    }

    private static void object(FieldSpec f, Map<String, Object> item, String path, Context ctx, List<FieldError> errors) {
        for (String key : item.keySet()) {
            if (!key.equals("id") || f.kind() != FieldKind.OBJECT_LIST) {
                if (f.item(key) == null) errors.add(new FieldError(path + "." + key, "is not a known field"));
            }
        }
        for (FieldSpec i : f.items()) {
            Object iv = item.get(i.name());
            if (iv == null) {
                if (i.required()) errors.add(new FieldError(path + "." + i.name(), "is required"));
            } else {
                value(i, iv, path + "." + i.name(), ctx, errors);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
