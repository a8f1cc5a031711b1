package no.tettpa.backend.reporting.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A household's housing situation from a day on, until the next one (an entry corrected by a later one is already
 * left out). {@code recordedAt} orders two entries from the same day: the one recorded last counts.
 */
public record Situation(LocalDate from, String situation, boolean children, Instant recordedAt) {}
