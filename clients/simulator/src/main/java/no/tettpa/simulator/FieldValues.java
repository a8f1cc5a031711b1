package no.tettpa.simulator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Valid field values for the simulated workload. Text and amounts carry the device's tag and a counter, so every
 * value one device writes is distinct from every other value written: the ledger can tell whose a value is.
 */
final class FieldValues {
    private final Random random;
    private final String tag;
    private final int deviceIndex;
    private final java.util.function.LongSupplier wallClock;
    private int counter;

    FieldValues(Random random, int deviceIndex, java.util.function.LongSupplier wallClock) {
        this.random = random;
        this.tag = "d" + deviceIndex;
        this.deviceIndex = deviceIndex;
        this.wallClock = wallClock;
    }

    String unique(String prefix) {
        return prefix + " " + tag + "-" + (++counter);
    }

    /** A whole number of NOK no other device writes. */
    long amount(long base) {
        return base + deviceIndex * 100_000L + (++counter);
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private OffsetDateTime deviceNow() {
        return OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(wallClock.getAsLong()), ZoneOffset.ofHours(1));
    }

    LocalDate today() {
        return deviceNow().toLocalDate();
    }

    Map<String, Object> visit() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("startedAt", deviceNow().minusMinutes(30 + random.nextInt(300)).withNano(0).toString());
        v.put("durationMinutes", 5 + random.nextInt(120));
        v.put("place", pick(List.of("home", "cafe", "car", "outdoors", "nav_office", "phone")));
        v.put("kind", pick(List.of("planned", "unplanned", "accompanying", "failed_attempt")));
        v.put("lifeAreas", List.of(pick(List.of("housing", "economy", "activity", "mental_health"))));
        v.put("whatWasDone", unique("Besøk"));
        v.put("regime", random.nextInt(5) == 0 ? "health_care" : "housing_support");
        return v;
    }

    Map<String, Object> rating() {
        Map<String, Object> areas = new LinkedHashMap<>();
        for (String area : List.of("housing", "activity", "economy", "physical_health", "mental_health",
                "substance_use", "social_functioning", "social_network")) {
            areas.put(area, Map.of("level", pick(List.of("green", "yellow", "red")), "basis", unique("Vurdert")));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ratedOn", today().toString());
        r.put("areas", areas);
        r.put("index", pick(List.of("green", "yellow", "red", "blue_light")));
        r.put("hasIndividualPlan", random.nextBoolean());
        return r;
    }

    Map<String, Object> arrearsCase() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("source", pick(List.of("arrears_list", "nav", "person")));
        a.put("landlordName", unique("Utleier"));
        a.put("landlordType", pick(List.of("municipal", "private", "housing_company")));
        a.put("monthlyRent", amount(5_000));
        a.put("amountOwed", amount(10_000_000));
        a.put("monthsInArrears", 1 + random.nextInt(6));
        a.put("status", "open");
        return a;
    }

    Map<String, Object> arrearsEvent(String caseId) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("caseId", caseId);
        e.put("date", today().minusDays(random.nextInt(20)).toString());
        String type = pick(List.of("contact", "contact", "legal_step", "nav_action"));
        e.put("type", type);
        switch (type) {
            case "legal_step" -> e.put("step", pick(List.of("notice_sent", "nav_copy_sent", "petition_filed")));
            case "nav_action" -> {
                e.put("navAction", pick(List.of("housing_allowance", "direct_rent_payment", "debt_advice")));
                e.put("navActionStatus", pick(List.of("applied", "granted", "refused")));
            }
            default -> {
                e.put("counterpart", pick(List.of("tenant", "landlord", "nav")));
                e.put("channel", pick(List.of("phone", "meeting", "sms")));
            }
        }
        e.put("outcome", unique("Utfall"));
        return e;
    }

    Map<String, Object> agreementDraft(int versionNumber, String previousId) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("status", "draft");
        a.put("versionNumber", versionNumber);
        if (previousId != null) a.put("previousId", previousId);
        a.put("goals", List.of(goal()));
        a.put("responsibilities", unique("Ansvar"));
        a.put("evaluationDate", date());
        return a;
    }

    Map<String, Object> goal() {
        return new LinkedHashMap<>(Map.of("id", UUID.randomUUID().toString(), "text", unique("Mål")));
    }

    Map<String, Object> instalment() {
        return new LinkedHashMap<>(Map.of("id", UUID.randomUUID().toString(), "dueDate", date(), "amount", amount(1_000)));
    }

    Map<String, Object> signature() {
        return Map.of("id", UUID.randomUUID().toString(), "signerName", unique("Signert"), "role", "person",
                "method", "on_screen", "signedAt", deviceNow().minusMinutes(1).withNano(0).toString());
    }

    /** A planning date within a year, in the device's calendar. */
    String date() {
        return today().plusDays(1 + random.nextInt(365)).toString();
    }
}
