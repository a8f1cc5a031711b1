package no.tettpa.backend.board;

import jakarta.inject.Singleton;
import no.tettpa.backend.records.EntityRules;
import no.tettpa.backend.records.Problems;
import no.tettpa.backend.sync.DomainRules;
import no.tettpa.backend.sync.RecordLookup;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A stay on a FACT board: it is on a board of a team the writer belongs to; it ends off the board with a date (not
 * before it began) and a reason, and only then has them.
 */
@Singleton
public class BoardEntryRules implements EntityRules {
    @Override
    public String entity() {
        return "board_entry";
    }

    @Override
    public void check(DomainRules.Write w, RecordLookup lookup, LocalDate today, Problems p) {
        Map<String, Object> b = w.next();
        if (w.previous() == null && w.author() != null && b.get("teamId") instanceof String team
                && !w.author().teamIds().contains(UUID.fromString(team))) {
            p.add("teamId", "must be a team you belong to");
        }
        boolean off = "off_board".equals(b.get("status"));
        p.requireWhen(off, b, "offBoardDate", "when the person is taken off the board");
        p.requireWhen(off, b, "offBoardReason", "when the person is taken off the board");
        p.forbidUnless(off, b, "offBoardDate", "when the person is taken off the board");
        p.forbidUnless(off, b, "offBoardReason", "when the person is taken off the board");
        p.notBefore(b, "offBoardDate", "since");
    }
}
