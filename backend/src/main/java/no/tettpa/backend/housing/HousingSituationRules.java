package no.tettpa.backend.housing;

import jakarta.inject.Singleton;
import no.tettpa.backend.records.EntityRules;
import no.tettpa.backend.records.Problems;
import no.tettpa.backend.sync.DomainRules;
import no.tettpa.backend.sync.RecordLookup;

import java.time.LocalDate;

/** A housing situation: a correction names an earlier housing situation of the same person. */
@Singleton
public class HousingSituationRules implements EntityRules {
    @Override
    public String entity() {
        return "housing_situation";
    }

    @Override
    public void check(DomainRules.Write w, RecordLookup lookup, LocalDate today, Problems p) {
        checkCorrects(w, lookup, "housing situation", p);
    }
}
