package no.tettpa.backend.brukerplan;

import jakarta.inject.Singleton;
import no.tettpa.backend.records.EntityRules;
import no.tettpa.backend.records.Problems;
import no.tettpa.backend.sync.DomainRules;
import no.tettpa.backend.sync.RecordLookup;

import java.time.LocalDate;

/** A BrukerPlan rating: a correction names an earlier rating of the same person. */
@Singleton
public class RatingRules implements EntityRules {
    @Override
    public String entity() {
        return "rating";
    }

    @Override
    public void check(DomainRules.Write w, RecordLookup lookup, LocalDate today, Problems p) {
        checkCorrects(w, lookup, "rating", p);
    }
}
