package no.tettpa.backend.arrears;

import no.tettpa.backend.arrears.model.LegalStep;
import no.tettpa.backend.arrears.model.RecordedStep;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The wire names of the legal steps (see Vocabulary.LEGAL_STEPS) and the recorded steps of a case's events. */
public final class LegalSteps {
    private static final Map<String, LegalStep> BY_WIRE = Map.of(
            "notice_sent", LegalStep.VARSEL_SENT,
            "nav_copy_sent", LegalStep.NAV_COPY_SENT,
            "tenant_reservation", LegalStep.TENANT_RESERVATION,
            "petition_filed", LegalStep.BEGJAERING_FILED,
            "petition_presented", LegalStep.PRESENTED_BY_NAMSMANN,
            "eviction_scheduled", LegalStep.FRAVIKELSE_SCHEDULED,
            "eviction_carried_out", LegalStep.FRAVIKELSE_CARRIED_OUT,
            "belongings_collected", LegalStep.BELONGINGS_COLLECTED);

    private LegalSteps() {}

    public static LegalStep step(String wire) {
        LegalStep s = BY_WIRE.get(wire);
        if (s == null) throw new IllegalArgumentException("unknown legal step " + wire);
        return s;
    }

    /** The legal steps among a case's events, in date order. */
    public static List<RecordedStep> of(List<Map<String, Object>> events) {
        List<RecordedStep> out = new ArrayList<>();
        for (Map<String, Object> e : events) {
            if ("legal_step".equals(e.get("type")) && e.get("step") instanceof String s && e.get("date") instanceof String d) {
                out.add(new RecordedStep(step(s), LocalDate.parse(d)));
            }
        }
        out.sort(Comparator.comparing(RecordedStep::date));
        return out;
    }
}
