package no.tettpa.backend.support;

import io.micronaut.json.tree.JsonNode;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a small, fixed data set through a device, as a worker would sync it, so that the figures computed from it
 * can be checked against values worked out by hand. Dates are relative to today in Norway.
 */
public final class FieldData {
    public static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    private final TestDevice device;
    private final List<Map<String, Object>> pending = new ArrayList<>();

    public FieldData(TestDevice device) {
        this.device = device;
    }

    public static LocalDate today() {
        return LocalDate.now(NORWAY);
    }

    public static LocalDate daysAgo(int days) {
        return today().minusDays(days);
    }

    /** 10:00 Norwegian time on the given day, as a device sends it. */
    public static String at(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(NORWAY).toOffsetDateTime().toString();
    }

    /** Queues a create; returns the new record's id. */
    public UUID add(String entity, UUID person, Map<String, Object> fields) {
        UUID id = UUID.randomUUID();
        pending.add(device.create(entity, id, person, fields));
        return id;
    }

    public void update(String entity, UUID id, UUID person, long base, Map<String, Object> fields) {
        pending.add(device.update(entity, id, person, base, fields));
    }

    /** Pushes everything queued in one request; fails unless every mutation was applied. */
    @SuppressWarnings("unchecked")
    public void push() {
        if (pending.isEmpty()) return;
        JsonNode outcomes = device.push(pending.toArray(new Map[0]));
        for (JsonNode o : outcomes.values()) {
            String status = o.get("status").getStringValue();
            if (!status.equals("applied") && !status.equals("merged")) throw new AssertionError("not applied: " + o);
        }
        pending.clear();
    }

    public static Map<String, Object> visit(LocalDate day, String kind, String place) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("startedAt", at(day));
        v.put("durationMinutes", "failed_attempt".equals(kind) ? 0 : 45);
        v.put("place", place);
        v.put("kind", kind);
        v.put("regime", "housing_support");
        return v;
    }

    public static Map<String, Object> withNextStep(Map<String, Object> visit, String step, LocalDate date) {
        Map<String, Object> v = new LinkedHashMap<>(visit);
        v.put("nextStep", step);
        v.put("nextStepDate", date.toString());
        return v;
    }

    /** Staff participants (besides the author) and people from the network, by name. */
    public static Map<String, Object> withParticipants(Map<String, Object> visit, List<UUID> staff, List<String> network) {
        Map<String, Object> v = new LinkedHashMap<>(visit);
        List<Map<String, Object>> parts = new ArrayList<>();
        for (UUID s : staff) parts.add(Map.of("id", UUID.randomUUID().toString(), "kind", "staff", "staffId", s.toString()));
        for (String n : network) parts.add(Map.of("id", UUID.randomUUID().toString(), "kind", "network", "name", n));
        v.put("participants", parts);
        return v;
    }

    public static Map<String, Object> rating(LocalDate day, String index, Map<String, String> levels) {
        Map<String, Object> areas = new LinkedHashMap<>();
        for (String area : List.of("housing", "activity", "economy", "physical_health", "mental_health",
                "substance_use", "social_functioning", "social_network")) {
            areas.put(area, Map.of("level", levels.getOrDefault(area, "yellow")));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ratedOn", day.toString());
        r.put("areas", areas);
        r.put("index", index);
        return r;
    }

    public static Map<String, Object> housing(LocalDate from, String situation, boolean children) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("from", from.toString());
        h.put("situation", situation);
        h.put("childrenInHousehold", children);
        return h;
    }

    public static Map<String, Object> legalStep(UUID caseId, String step, LocalDate date) {
        return Map.of("caseId", caseId.toString(), "type", "legal_step", "step", step, "date", date.toString());
    }
}
