package no.tettpa.backend.arrears.model;

import java.util.List;

/**
 * Every deadline the recorded steps start, in date order, and whether NAV may be told about the case.
 * When NAV may not be told, there is no wait after a copy to NAV either.
 */
public record CaseDeadlines(List<Deadline> deadlines, boolean navMayBeContacted) {
    public CaseDeadlines {
        deadlines = List.copyOf(deadlines);
    }
}
