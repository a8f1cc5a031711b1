package no.tettpa.backend.records;

import no.tettpa.backend.sync.DomainRules;
import no.tettpa.backend.sync.RecordLookup;

import java.time.LocalDate;

/** The rules of one record type beyond its fields' own bounds; see {@link DomainRules}. */
public interface EntityRules {
    String entity();

    void check(DomainRules.Write write, RecordLookup lookup, LocalDate today, Problems problems);
}
