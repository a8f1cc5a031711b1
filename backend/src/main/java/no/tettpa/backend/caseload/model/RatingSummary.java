package no.tettpa.backend.caseload.model;

import java.time.LocalDate;
import java.util.Map;

/**
 * A BrukerPlan rating as the overview shows it: when, the levekårsindeks, and the level of each of the eight life
 * areas (green, yellow, red), by the area's wire name.
 */
public record RatingSummary(LocalDate ratedOn, String index, Map<String, String> areas) {
    public RatingSummary {
        areas = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(areas));
    }
}
