package no.tettpa.backend.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Valid field maps for each record type, to start from in tests. */
public final class Records {
    private Records() {}

    public static Map<String, Object> visit() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("startedAt", OffsetDateTime.now(ZoneOffset.ofHours(1)).minusHours(2).withNano(0).toString());
        v.put("durationMinutes", 45);
        v.put("place", "home");
        v.put("kind", "planned");
        v.put("lifeAreas", List.of("housing", "economy"));
        v.put("whatWasDone", "Gikk gjennom husleieavtalen");
        v.put("regime", "housing_support");
        return v;
    }

    public static Map<String, Object> agreementDraft() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("status", "draft");
        a.put("versionNumber", 1);
        a.put("goals", List.of(Map.of("id", UUID.randomUUID().toString(), "text", "Beholde leiligheten")));
        a.put("responsibilities", "Kari følger opp NAV");
        a.put("evaluationDate", LocalDate.now().plusMonths(3).toString());
        return a;
    }

    public static Map<String, Object> signature() {
        return Map.of("id", UUID.randomUUID().toString(), "signerName", "Eirik Ås", "role", "person",
                "method", "on_screen", "signedAt", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
    }

    public static Map<String, Object> arrearsCase() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("source", "arrears_list");
        a.put("landlordName", "Tettvik kommunale boliger");
        a.put("landlordType", "municipal");
        a.put("monthlyRent", 8500);
        a.put("amountOwed", 17000);
        a.put("monthsInArrears", 2);
        a.put("status", "open");
        return a;
    }

    public static Map<String, Object> rating() {
        Map<String, Object> areas = new LinkedHashMap<>();
        for (String area : List.of("housing", "activity", "economy", "physical_health", "mental_health",
                "substance_use", "social_functioning", "social_network")) {
            areas.put(area, Map.of("level", "yellow", "basis", "Vurdert i samtale"));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ratedOn", LocalDate.now().toString());
        r.put("areas", areas);
        r.put("index", "yellow");
        r.put("hasIndividualPlan", false);
        return r;
    }

    public static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) out.put((String) keyValues[i], keyValues[i + 1]);
        return out;
    }
}
