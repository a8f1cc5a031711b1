package no.tettpa.backend.reporting.model;

import java.time.LocalDate;
import java.util.UUID;

/** A legal step of an arrears case ({@code petition_filed}, {@code eviction_carried_out}, …) and its date. */
public record EvictionStep(UUID caseId, String step, LocalDate date) {}
