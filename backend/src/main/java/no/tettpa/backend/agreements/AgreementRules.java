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

/**
 * A samarbeidsavtale: it becomes active only when the person has signed it; a verbal signature names its witness;
 * its validity runs forward; an ended agreement says why; a new version names the agreement it renews, of the
 * same person, and carries a higher version number. (Its lifecycle steps and its lock once signed are the schema's
 * workflow and lock rule.)
 */
@Singleton
public class AgreementRules implements EntityRules {
    @Override
    public String entity() {
        return "agreement";
    }

    @Override
    public void check(DomainRules.Write w, RecordLookup lookup, LocalDate today, Problems p) {
        Map<String, Object> a = w.next();
        List<?> signatures = a.get("signatures") instanceof List<?> l ? l : List.of();
        for (int i = 0; i < signatures.size(); i++) {
            if (signatures.get(i) instanceof Map<?, ?> s && "verbal_with_witness".equals(s.get("method"))
                    && s.get("witnessName") == null) {
                p.add("signatures[" + i + "].witnessName", "is required for a verbal signature");
            }
        }
        boolean becomesActive = "active".equals(a.get("status"))
                && (w.previous() == null || "draft".equals(w.previous().get("status")));
        if (becomesActive && signatures.stream().noneMatch(s -> s instanceof Map<?, ?> m && "person".equals(m.get("role")))) {
            p.add("signatures", "the person's own signature is required before the agreement becomes active");
        }
        p.notBefore(a, "validUntil", "validFrom");
        p.requireWhen("ended".equals(a.get("status")), a, "endReason", "when the agreement ends");
        if (a.get("previousId") instanceof String previous) {
            Optional<Map<String, Object>> before = lookup.find(UUID.fromString(previous), "agreement", w.personId());
            if (before.isEmpty() || previous.equals(w.recordId().toString())) {
                p.add("previousId", "must name an earlier agreement of the same person");
            } else if (before.get().get("versionNumber") instanceof Long v && a.get("versionNumber") instanceof Long mine
                    && mine <= v) {
                p.add("versionNumber", "must be higher than the renewed agreement's (" + v + ")");
            }
        }
    }
}
