package no.tettpa.backend.persons;

import jakarta.inject.Singleton;
import no.tettpa.backend.records.EntityRules;
import no.tettpa.backend.records.Problems;
import no.tettpa.backend.sync.DomainRules;
import no.tettpa.backend.sync.RecordLookup;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A follow-up episode has exactly one basis, with what that basis needs: a samarbeidsavtale of the same person, or
 * the reference of the vedtak; it ends after it starts, with a date and a reason.
 */
@Singleton
public class EpisodeRules implements EntityRules {
    @Override
    public String entity() {
        return "episode";
    }

    @Override
    public void check(DomainRules.Write w, RecordLookup lookup, LocalDate today, Problems p) {
        Map<String, Object> e = w.next();
        Object basis = e.get("basis");
        p.requireWhen("agreement".equals(basis), e, "agreementId", "when the basis is a samarbeidsavtale");
        p.forbidUnless("agreement".equals(basis), e, "agreementId", "when the basis is a samarbeidsavtale");
        p.requireWhen("housing_support_decision".equals(basis), e, "decisionReference", "when the basis is a vedtak");
        p.forbidUnless("housing_support_decision".equals(basis), e, "decisionReference", "when the basis is a vedtak");
        if (e.get("agreementId") instanceof String a && lookup.find(UUID.fromString(a), "agreement", w.personId()).isEmpty()) {
            p.add("agreementId", "must name an agreement of the same person");
        }
        boolean ended = "ended".equals(e.get("status"));
        p.requireWhen(ended, e, "endDate", "when the episode ends");
        p.requireWhen(ended, e, "endReason", "when the episode ends");
        p.forbidUnless(ended, e, "endReason", "when the episode has ended");
        p.notBefore(e, "endDate", "startDate");
    }
}
