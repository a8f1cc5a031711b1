package no.tettpa.backend.agreements;

import jakarta.inject.Singleton;
import no.tettpa.backend.records.EntityRules;
import no.tettpa.backend.records.Problems;
import no.tettpa.backend.sync.DomainRules;
import no.tettpa.backend.sync.RecordLookup;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A progress entry belongs to one of the goals of an agreement of the same person. */
@Singleton
public class AgreementProgressRules implements EntityRules {
    @Override
    public String entity() {
        return "agreement_progress";
    }

    @Override
    public void check(DomainRules.Write w, RecordLookup lookup, LocalDate today, Problems p) {
        Map<String, Object> e = w.next();
        Optional<Map<String, Object>> agreement = lookup.find(UUID.fromString((String) e.get("agreementId")),
                "agreement", w.personId());
        if (agreement.isEmpty()) {
            p.add("agreementId", "must name an agreement of the same person");
            return;
        }
        List<?> goals = agreement.get().get("goals") instanceof List<?> l ? l : List.of();
        boolean known = goals.stream().anyMatch(g -> g instanceof Map<?, ?> m && e.get("goalId").equals(m.get("id")));
        if (!known) p.add("goalId", "must be one of the agreement's goals");
    }
}
