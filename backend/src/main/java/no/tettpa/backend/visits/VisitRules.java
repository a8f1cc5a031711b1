package no.tettpa.backend.visits;

import jakarta.inject.Singleton;
import no.tettpa.backend.records.EntityRules;
import no.tettpa.backend.records.Problems;
import no.tettpa.backend.sync.DomainRules;
import no.tettpa.backend.sync.RecordLookup;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A visit or contact: a failed attempt may take no time, anything else took some; a next step has a text when it
 * has a date; staff participants are named by id, network participants by name; a correction names an earlier
 * visit of the same person.
 */
@Singleton
public class VisitRules implements EntityRules {
    @Override
    public String entity() {
        return "visit";
    }

    @Override
    public void check(DomainRules.Write w, RecordLookup lookup, LocalDate today, Problems p) {
        Map<String, Object> v = w.next();
        if (Long.valueOf(0).equals(v.get("durationMinutes")) && !"failed_attempt".equals(v.get("kind"))) {
            p.add("durationMinutes", "must be more than 0 minutes for a visit that took place");
        }
        p.requireWhen(v.get("nextStepDate") != null, v, "nextStep", "when nextStepDate is set");
        if (v.get("participants") instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> part)) continue;
                Object kind = part.get("kind");
                if (("staff".equals(kind) || "partner_staff".equals(kind)) && part.get("staffId") == null) {
                    p.add("participants[" + i + "].staffId", "is required for staff");
                }
                if ("network".equals(kind) && part.get("name") == null) {
                    p.add("participants[" + i + "].name", "is required for someone from the person's network");
                }
            }
        }
        checkCorrects(w, lookup, "visit", p);
    }
}
