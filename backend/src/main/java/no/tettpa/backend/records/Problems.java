package no.tettpa.backend.records;

import no.tettpa.sync.schema.Validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects the problems one record's rules find; small helpers for the common checks. */
public final class Problems {
    private final List<Validation.FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new Validation.FieldError(field, message));
    }

    public void requireWhen(boolean condition, Map<String, Object> body, String field, String why) {
        if (condition && body.get(field) == null) add(field, "is required " + why);
    }

    public void forbidUnless(boolean condition, Map<String, Object> body, String field, String why) {
        if (!condition && body.get(field) != null) add(field, "is only set " + why);
    }

    public void notBefore(Map<String, Object> body, String later, String earlier) {
        LocalDate a = date(body.get(later));
        LocalDate b = date(body.get(earlier));
        if (a != null && b != null && a.isBefore(b)) add(later, "must not be before " + earlier);
    }

    public List<Validation.FieldError> list() {
        return errors;
    }

    static LocalDate date(Object v) {
        return v instanceof String s && s.length() >= 10 ? LocalDate.parse(s.substring(0, 10)) : null;
    }
}
