package no.tettpa.backend.arrears;

import no.tettpa.backend.arrears.model.CaseDeadlines;
import no.tettpa.backend.arrears.model.Deadline;
import no.tettpa.backend.arrears.model.LegalDeadlines;
import no.tettpa.backend.arrears.model.RecordedStep;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An arrears case's legal deadlines, computed from its recorded steps, as the API shows them. */
public final class CaseDeadlineView {
    private CaseDeadlineView() {}

    public static Map<String, Object> of(List<Map<String, Object>> events, LocalDate today) {
        List<RecordedStep> steps = LegalSteps.of(events);
        CaseDeadlines all = LegalDeadlines.compute(steps);
        Optional<Deadline> next = LegalDeadlines.nextDeadline(steps, today);
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> list = new ArrayList<>();
        for (Deadline d : all.deadlines()) list.add(view(d));
        out.put("deadlines", list);
        next.ifPresent(d -> out.put("nextDeadline", view(d)));
        out.put("navMayBeContacted", all.navMayBeContacted());
        return out;
    }

    private static Map<String, Object> view(Deadline d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("name", d.name());
        m.put("legalBasis", d.legalBasis());
        m.put("date", d.adjustedDate().toString());
        if (d.moved()) m.put("movedFrom", d.rawDate().toString());
        return m;
    }
}
