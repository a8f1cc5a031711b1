package no.tettpa.backend.fidelity.model;

import java.time.LocalDate;

/** Days from {@code start} to {@code end}, both included; an open end runs on. */
public record Period(LocalDate start, LocalDate end) {
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && (end == null || !day.isAfter(end));
    }
}
