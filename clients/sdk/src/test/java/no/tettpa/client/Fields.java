package no.tettpa.client;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Valid field maps for the record types, to start from in tests. */
final class Fields {
    private Fields() {}

    static Map<String, Object> visit() {
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

    static Map<String, Object> agreementDraft() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("status", "draft");
        a.put("versionNumber", 1);
        a.put("goals", List.of(goal("Beholde leiligheten")));
        a.put("responsibilities", "Kari følger opp NAV");
        a.put("evaluationDate", LocalDate.now().plusMonths(3).toString());
        return a;
    }

    static Map<String, Object> goal(String text) {
        return Map.of("id", UUID.randomUUID().toString(), "text", text);
    }

    static Map<String, Object> signature() {
        return Map.of("id", UUID.randomUUID().toString(), "signerName", "Eirik Ås", "role", "person",
                "method", "on_screen", "signedAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).withNano(0).toString());
    }

    static Map<String, Object> arrearsCase() {
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

    static Map<String, Object> contact() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("date", LocalDate.now().toString());
        c.put("counterpart", "landlord");
        c.put("channel", "phone");
        c.put("outcome", "Utsatt betaling avtalt");
        return c;
    }

    static Map<String, Object> rating() {
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

    static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) out.put((String) keyValues[i], keyValues[i + 1]);
        return out;
    }
}
