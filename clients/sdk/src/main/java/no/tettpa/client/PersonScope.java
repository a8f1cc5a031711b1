package no.tettpa.client;

import java.util.List;
import java.util.UUID;

/**
 * A person the device may hold data about, as the server last said: the categories, on what basis
 * ({@code caseload}, {@code consent}, {@code exceptional}), and until when for the last two.
 */
public record PersonScope(UUID personId, List<String> categories, String basis, String until) {
    public PersonScope {
        categories = List.copyOf(categories);
    }

    /** Data held on this basis is purged when the lease runs out without a sync. */
    public boolean partnerData() {
        return "consent".equals(basis) || "exceptional".equals(basis);
    }
}
