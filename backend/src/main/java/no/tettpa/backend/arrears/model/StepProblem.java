package no.tettpa.backend.arrears.model;

/** Why a list of recorded steps is not acceptable: the offending field (e.g. {@code steps[2].date}) and why. */
public record StepProblem(String field, String message) {}
