package no.tettpa.backend.arrears.model;

import java.time.LocalDate;

/**
 * One step of an eviction case as a field worker recorded it. Either part may be missing in input from a
 * device; {@link LegalDeadlines#validate} reports that instead of the constructor refusing it.
 */
public record RecordedStep(LegalStep step, LocalDate date) {}
