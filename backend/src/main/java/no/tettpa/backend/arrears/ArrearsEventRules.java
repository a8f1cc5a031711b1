package no.tettpa.backend.arrears;

import jakarta.inject.Singleton;
import no.tettpa.backend.arrears.model.LegalDeadlines;
import no.tettpa.backend.arrears.model.RecordedStep;
import no.tettpa.backend.arrears.model.StepProblem;
import no.tettpa.backend.records.EntityRules;
import no.tettpa.backend.records.Problems;
import no.tettpa.backend.sync.DomainRules;
import no.tettpa.backend.sync.RecordLookup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An event of an arrears case: a legal step in legal order, a NAV action, or a contact, each with what it needs.
 * When the tenant has reserved in writing against NAV being told (husleieloven § 9-11), a contact with NAV about
 * the case is refused.
 */
@Singleton
public class ArrearsEventRules implements EntityRules {
    @Override
    public String entity() {
        return "arrears_event";
    }

    @Override
    public void check(DomainRules.Write w, RecordLookup lookup, LocalDate today, Problems p) {
        Map<String, Object> e = w.next();
        String caseId = (String) e.get("caseId");
        Optional<Map<String, Object>> theCase = lookup.find(UUID.fromString(caseId), "arrears_case", w.personId());
        if (theCase.isEmpty()) {
            p.add("caseId", "must name an arrears case of the same person");
            return;
        }
        String type = String.valueOf(e.get("type"));
        boolean step = type.equals("legal_step");
        boolean nav = type.equals("nav_action");
        boolean contact = type.equals("contact");
        p.requireWhen(step, e, "step", "for a legal step");
        p.forbidUnless(step, e, "step", "for a legal step");
        p.requireWhen(nav, e, "navAction", "for a NAV action");
        p.requireWhen(nav, e, "navActionStatus", "for a NAV action");
        p.forbidUnless(nav, e, "navAction", "for a NAV action");
        p.forbidUnless(nav, e, "navActionStatus", "for a NAV action");
        p.requireWhen(contact, e, "counterpart", "for a contact");
        p.requireWhen(contact, e, "channel", "for a contact");
        p.forbidUnless(contact, e, "counterpart", "for a contact");
        p.forbidUnless(contact, e, "channel", "for a contact");

        List<Map<String, Object>> events = lookup.where(w.personId(), "arrears_event", "caseId", caseId).stream()
                .filter(x -> x != e).toList();
        List<RecordedStep> steps = new ArrayList<>(LegalSteps.of(events));
        if (contact && "nav".equals(e.get("counterpart")) && !LegalDeadlines.navMayBeContacted(steps)) {
            p.add("counterpart", "the tenant has reserved in writing against NAV being told (husleieloven § 9-11)");
        }
        if (step && e.get("step") instanceof String s && e.get("date") instanceof String d) {
            int index = steps.size();
            steps.add(new RecordedStep(LegalSteps.step(s), LocalDate.parse(d)));
            boolean directFiling = Boolean.TRUE.equals(theCase.get().get("directFilingClause"));
            for (StepProblem problem : LegalDeadlines.validate(steps, directFiling, today)) {
                if (problem.field().startsWith("steps[" + index + "]")) {
                    String field = problem.field().endsWith(".date") ? "date" : "step";
                    p.add(field, problem.message());
                }
            }
        }
    }
}
