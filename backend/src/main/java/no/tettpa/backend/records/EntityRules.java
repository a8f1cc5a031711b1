package no.tettpa.backend.records;

import no.tettpa.backend.sync.DomainRules;
import no.tettpa.backend.sync.RecordLookup;

import java.time.LocalDate;
import java.util.UUID;

/** The rules of one record type beyond its fields' own bounds; see {@link DomainRules}. */
public interface EntityRules {
    String entity();

    void check(DomainRules.Write write, RecordLookup lookup, LocalDate today, Problems problems);

    /**
     * Records that are corrected by a later record rather than edited (visits, ratings, housing situations, board
     * minutes): a {@code corrects} field must name another, earlier record of this type and of the same person.
     */
    default void checkCorrects(DomainRules.Write write, RecordLookup lookup, String noun, Problems problems) {
        if (write.next().get("corrects") instanceof String corrected
                && (corrected.equals(write.recordId().toString())
                || lookup.find(UUID.fromString(corrected), entity(), write.personId()).isEmpty())) {
            problems.add("corrects", "must name an earlier " + noun + " of the same person");
        }
    }
}
