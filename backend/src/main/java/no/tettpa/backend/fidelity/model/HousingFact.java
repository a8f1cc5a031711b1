package no.tettpa.backend.fidelity.model;

import java.time.LocalDate;
import java.util.UUID;

/** A housing situation from a day on (entries corrected by a later one already left out). */
public record HousingFact(UUID personId, LocalDate from, String situation) {}
