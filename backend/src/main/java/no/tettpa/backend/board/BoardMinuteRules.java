package no.tettpa.backend.board;

import jakarta.inject.Singleton;
import no.tettpa.backend.records.EntityRules;
import no.tettpa.backend.records.Problems;
import no.tettpa.backend.sync.DomainRules;
import no.tettpa.backend.sync.RecordLookup;

import java.time.LocalDate;
import java.util.UUID;

/** A board minute: the stay it names is the same person's; a correction names an earlier minute of the person. */
@Singleton
public class BoardMinuteRules implements EntityRules {
    @Override
    public String entity() {
        return "board_minute";
    }

    @Override
    public void check(DomainRules.Write w, RecordLookup lookup, LocalDate today, Problems p) {
        if (w.next().get("boardEntryId") instanceof String entry
                && lookup.find(UUID.fromString(entry), "board_entry", w.personId()).isEmpty()) {
            p.add("boardEntryId", "must name a board entry of the same person");
        }
        checkCorrects(w, lookup, "minute", p);
    }
}
