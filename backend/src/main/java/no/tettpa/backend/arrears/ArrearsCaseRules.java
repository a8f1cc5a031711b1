package no.tettpa.backend.arrears;

import jakarta.inject.Singleton;
import no.tettpa.backend.records.EntityRules;
import no.tettpa.backend.records.Problems;
import no.tettpa.backend.sync.DomainRules;
import no.tettpa.backend.sync.RecordLookup;

import java.time.LocalDate;
import java.util.Map;

/** An arrears case gets its outcome when it closes, not before. */
@Singleton
public class ArrearsCaseRules implements EntityRules {
    @Override
    public String entity() {
        return "arrears_case";
    }

    @Override
    public void check(DomainRules.Write w, RecordLookup lookup, LocalDate today, Problems p) {
        Map<String, Object> c = w.next();
        boolean closed = "closed".equals(c.get("status"));
        p.requireWhen(closed, c, "outcome", "when the case closes");
        p.forbidUnless(closed, c, "outcome", "when the case closes");
    }
}
