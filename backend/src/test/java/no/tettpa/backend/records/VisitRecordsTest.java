package no.tettpa.backend.records;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.support.Records;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.tettpa.backend.support.Records.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class VisitRecordsTest extends RecordsTest {
    @Test
    void aVisitRecordedOfflineIsReadBackOverRestWithAuthorRegimeAndController() {
        UUID id = created("visit", with(Records.visit(), "participants", List.of(
                Map.of("id", UUID.randomUUID().toString(), "kind", "staff", "staffId", kari.id().toString()),
                Map.of("id", UUID.randomUUID().toString(), "kind", "network", "name", "Mor", "relation", "mor")),
                "nextStep", "Følge til NAV", "nextStepDate", java.time.LocalDate.now().plusDays(7).toString()));
        JsonNode v = one(read("visit"), id);
        assertEquals("visits", v.get("category").getStringValue());
        assertEquals(kari.id().toString(), v.get("writtenBy").getStringValue());
        assertEquals(device.id.toString(), v.get("device").getStringValue());
        assertEquals("housing_support", v.get("fields").get("regime").getStringValue());
        assertEquals("municipality", v.get("fields").get("controller").getStringValue());
        assertEquals(2, v.get("fields").get("participants").size());
    }

    @Test
    void aHealthCareNoteIsInTheHealthNotesCategory() {
        UUID id = created("visit", with(Records.visit(), "regime", "health_care", "note", "Samtale om medisiner"));
        assertEquals("health_notes", one(read("visit"), id).get("category").getStringValue());
    }

    @Test
    void aFailedAttemptMayTakeNoTimeAndIsAnEntryOfItsOwn() {
        created("visit", with(Records.visit(), "kind", "failed_attempt", "durationMinutes", 0, "place", "home"));
        refusedCreate("visit", with(Records.visit(), "durationMinutes", 0), "durationMinutes");
    }

    @Test
    void everyVisitRuleIsCheckedBothWays() {
        Map<String, Object> noStart = Records.visit();
        noStart.remove("startedAt");
        refusedCreate("visit", noStart, "startedAt");
        refusedCreate("visit", with(Records.visit(), "place", "moon"), "place");
        refusedCreate("visit", with(Records.visit(), "kind", "telepathy"), "kind");
        refusedCreate("visit", with(Records.visit(), "durationMinutes", -5), "durationMinutes");
        refusedCreate("visit", with(Records.visit(), "durationMinutes", 24 * 60 + 1), "durationMinutes");
        refusedCreate("visit", with(Records.visit(), "startedAt",
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).withNano(0).toString()), "startedAt");
        refusedCreate("visit", with(Records.visit(), "startedAt", "yesterday"), "startedAt");
        refusedCreate("visit", with(Records.visit(), "lifeAreas", List.of("housing", "astrology")), "lifeAreas[1]");
        refusedCreate("visit", with(Records.visit(), "nextStepDate", java.time.LocalDate.now().plusDays(3).toString()), "nextStep");
        refusedCreate("visit", with(Records.visit(), "participants", List.of(Map.of("id", UUID.randomUUID().toString(),
                "kind", "staff"))), "participants[0].staffId");
        refusedCreate("visit", with(Records.visit(), "participants", List.of(Map.of("id", UUID.randomUUID().toString(),
                "kind", "network"))), "participants[0].name");
        refusedCreate("visit", with(Records.visit(), "corrects", UUID.randomUUID().toString()), "corrects");
        refusedCreate("visit", with(Records.visit(), "note", "x".repeat(10_001)), "note");
        refusedCreate("visit", with(Records.visit(), "regime", "astrology"), "regime");
        refusedCreate("visit", with(Records.visit(), "controller", "hospital_trust"), "controller");
        Map<String, Object> noRegime = Records.visit();
        noRegime.remove("regime");
        refusedCreate("visit", noRegime, "regime");
    }

    @Test
    void aCorrectionIsANewEntryReferencingTheOneItCorrects() {
        UUID original = created("visit", Records.visit());
        UUID correction = created("visit", with(Records.visit(), "durationMinutes", 30, "corrects", original.toString()));
        List<JsonNode> visits = read("visit");
        assertEquals(45, one(visits, original).get("fields").get("durationMinutes").getIntValue(), "the original stands");
        assertEquals(original.toString(), one(visits, correction).get("fields").get("corrects").getStringValue());
    }
}
