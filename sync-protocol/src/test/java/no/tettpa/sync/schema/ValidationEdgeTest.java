package no.tettpa.sync.schema;

import no.tettpa.sync.schema.records.FieldRecords;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Edge cases of {@link Validation} that once threw instead of reporting a field error. */
class ValidationEdgeTest {
    static final Validation.Context CTX = new Validation.Context(LocalDate.parse("2026-11-23"), Map.of(
            "national-id", s -> s.matches("[0-9]{11}") ? Optional.empty() : Optional.of("must be 11 digits"),
            "email", s -> s.contains("@") ? Optional.empty() : Optional.of("must be an e-mail address")));

    /**
     * Regression: a date-time at the very ends of the ISO range parses, but moving it to Norwegian time
     * overflows the supported range, and {@code atZoneSameInstant} threw {@code DateTimeException} (only its
     * subclass {@code DateTimeParseException} was caught), so "nothing throws for bad input" did not hold.
     */
    @ParameterizedTest
    @CsvSource({
            "+999999999-12-31T23:59:59-18:00, must not be more than 1 days in the future",
            "-999999999-01-01T00:00:00+18:00, is too far in the past"})
    void dateTimeAtTheEndsOfTheRangeIsAnErrorNotAnException(String value, String message) {
        List<Validation.FieldError> errors = Validation.forUpdate(FieldRecords.VISIT, Map.of("startedAt", value), CTX);
        assertEquals(List.of(new Validation.FieldError("startedAt", message)), errors);
    }
}
