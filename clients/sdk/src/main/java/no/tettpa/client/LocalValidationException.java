package no.tettpa.client;

import no.tettpa.sync.schema.Validation;

import java.util.List;

/**
 * A change refused on the device, before anything was queued: the same checks the server makes that the device
 * can make alone (field validation, append-only, immutable and locked records, status steps, scope).
 *
 * @see #code() the rejection code the server would have given
 */
public final class LocalValidationException extends RuntimeException {
    private final String code;
    private final List<Validation.FieldError> errors;

    public LocalValidationException(String code, List<Validation.FieldError> errors) {
        super(code + ": " + errors);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public LocalValidationException(String code, String field, String message) {
        this(code, List.of(new Validation.FieldError(field, message)));
    }

    /** {@code validation}, {@code unknown_entity}, {@code unknown_field}, {@code not_found}, {@code append_only}, … */
    public String code() {
        return code;
    }

    /** The problems, each with the field's path. */
    public List<Validation.FieldError> errors() {
        return errors;
    }
}
