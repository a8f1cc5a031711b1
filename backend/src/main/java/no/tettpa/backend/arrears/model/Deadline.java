package no.tettpa.backend.arrears.model;

import java.time.LocalDate;

/**
 * A computed time limit. {@code rawDate} is the start date plus the period; {@code adjustedDate} is the day the
 * limit really ends, moved to the next working day when the raw date is a Saturday, Sunday or public holiday
 * (domstolloven § 149).
 */
public record Deadline(DeadlineKind kind, String name, String legalBasis, LocalDate rawDate,
                       LocalDate adjustedDate) {

    public boolean moved() {
        return !rawDate.equals(adjustedDate);
    }
}
