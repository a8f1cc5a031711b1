package no.tettpa.backend.brukerplan;

import jakarta.inject.Singleton;
import no.tettpa.backend.records.EntityRules;
import no.tettpa.backend.records.Problems;
import no.tettpa.backend.sync.DomainRules;
import no.tettpa.backend.sync.RecordLookup;

import java.time.LocalDate;
import java.util.UUID;

/** A BrukerPlan rating: a correction names an earlier rating of the same person. */
@Singleton
public class RatingRules implements EntityRules {
    @Override
    public String entity() {
        return "rating";
    }

    @Override
    public void check(DomainRules.Write w, RecordLookup lookup, LocalDate today, Problems p) {
        if (w.next().get("corrects") instanceof String corrected
                && (corrected.equals(w.recordId().toString())
                || lookup.find(UUID.fromString(corrected), "rating", w.personId()).isEmpty())) {
            p.add("corrects", "must name an earlier rating of the same person");
        }
    }
}
