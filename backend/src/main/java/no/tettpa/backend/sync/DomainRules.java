package no.tettpa.backend.sync;

import no.tettpa.backend.auth.Caller;
import no.tettpa.sync.schema.Validation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The field records' own rules, applied to every write whichever way it arrives (sync or REST): checks that
 * need more than one field or another record (a progress entry names an existing agreement, an agreement is
 * signed by the person before it becomes active), and fields the server derives (an arrears case's next legal
 * deadline). Runs after the merge, on the record as it would be stored.
 */
public interface DomainRules {
    /** What a write looks like to the rules. {@code previous} is null for a new record. */
    record Write(UUID municipalityId, String entity, UUID recordId, UUID personId, Map<String, Object> previous,
                 Map<String, Object> next, Caller author) {}

    /** The body to store (with derived fields filled in), or the problems that refuse the write. */
    record Verdict(Map<String, Object> body, List<Validation.FieldError> errors) {
        public static Verdict accept(Map<String, Object> body) {
            return new Verdict(body, List.of());
        }
    }

    Verdict check(Write write, RecordLookup lookup);

    /** Named format checks (e.g. {@code national-id}) used by field validation. */
    Map<String, Validation.FormatCheck> formats();
}
