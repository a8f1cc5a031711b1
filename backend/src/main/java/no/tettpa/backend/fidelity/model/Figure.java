package no.tettpa.backend.fidelity.model;

/**
 * One fidelity figure: its value (null when the denominator is zero), what it was computed from, its benchmark and
 * whether it meets it, and its definition in words.
 */
public record Figure(Double value, String unit, long numerator, double denominator, String target, Boolean meetsTarget,
                     String definition) {}
