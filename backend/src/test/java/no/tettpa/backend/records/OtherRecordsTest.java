package no.tettpa.backend.records;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.support.NationalIds;
import no.tettpa.backend.support.Records;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static no.tettpa.backend.support.Records.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** BrukerPlan ratings, follow-up episodes, tasks and the person's own details. */
class OtherRecordsTest extends RecordsTest {
    @Test
    void ratingsFormATimeSeries() {
        UUID first = created("rating", with(Records.rating(), "ratedOn", LocalDate.now().minusYears(1).toString()));
        UUID second = created("rating", with(Records.rating(), "index", "green"));
        var ratings = read("rating");
        assertEquals(2, ratings.size());
        assertEquals("yellow", one(ratings, first).get("fields").get("index").getStringValue());
        assertEquals("green", one(ratings, second).get("fields").get("index").getStringValue());
    }

    @Test
    void everyRatingRuleIsCheckedBothWays() {
        @SuppressWarnings("unchecked")
        Map<String, Object> areas = new LinkedHashMap<>((Map<String, Object>) Records.rating().get("areas"));
        areas.remove("economy");
        refusedCreate("rating", with(Records.rating(), "areas", areas), "areas.economy");
        areas.put("economy", Map.of("level", "purple"));
        refusedCreate("rating", with(Records.rating(), "areas", areas), "areas.economy.level");
        refusedCreate("rating", with(Records.rating(), "index", "black"), "index");
        refusedCreate("rating", with(Records.rating(), "ratedOn", LocalDate.now().plusDays(10).toString()), "ratedOn");
        refusedCreate("rating", with(Records.rating(), "corrects", UUID.randomUUID().toString()), "corrects");
        refusedCreate("rating", with(Records.rating(), "childrenCare", "sometimes"), "childrenCare");
    }

    @Test
    void anEpisodeHasOneBasisAndEndsWithADateAndAReason() {
        Map<String, Object> hf = Map.of("basis", "housing_first", "startDate", LocalDate.now().minusMonths(2).toString(),
                "status", "active");
        UUID e = created("episode", hf);
        JsonNode noEnd = updated("episode", e, 1, Map.of("status", "ended"));
        assertEquals("endDate", noEnd.get("rejection").get("field").getStringValue());
        refusedUpdate("episode", e, 1, Map.of("basis", "agreement"), "immutable");
        assertApplied(updated("episode", e, 1, Map.of("status", "ended", "endDate", LocalDate.now().toString(),
                "endReason", "Flyttet til annen kommune")));
        refusedUpdate("episode", e, 2, Map.of("status", "active"), "invalid_transition");

        refusedCreate("episode", with(hf, "basis", "agreement"), "agreementId");
        refusedCreate("episode", with(hf, "basis", "housing_support_decision"), "decisionReference");
        refusedCreate("episode", with(hf, "decisionReference", "2026/123"), "decisionReference");
        refusedCreate("episode", with(hf, "status", "ended", "endDate", LocalDate.now().toString(), "endReason", "x"), "status");
        refusedCreate("episode", with(hf, "basis", "leprechaun"), "basis");
        UUID agreement = created("agreement", Records.agreementDraft());
        created("episode", with(hf, "basis", "agreement", "agreementId", agreement.toString()));
    }

    @Test
    void aTaskIsDoneOrCancelledOnce() {
        UUID t = created("task", Map.of("topic", "follow_up", "title", "Ring fastlegen", "status", "open"));
        assertApplied(updated("task", t, 1, Map.of("status", "done")));
        refusedUpdate("task", t, 2, Map.of("status", "open"), "invalid_transition");
    }

    @Test
    void aPersonsDetailsAreCheckedBothWays() {
        JsonNode bad = updated("person", eirik.id(), 1, Map.of("nationalId", "01015550000"));
        assertEquals("nationalId", bad.get("rejection").get("field").getStringValue());
        JsonNode email = updated("person", eirik.id(), 1, Map.of("email", "not-an-address"));
        assertEquals("email", email.get("rejection").get("field").getStringValue());
        JsonNode team = updated("person", eirik.id(), 1, Map.of("teamId", UUID.randomUUID().toString()));
        assertEquals("teamId", team.get("rejection").get("field").getStringValue(), "the team is changed by hand-over");
        assertApplied(updated("person", eirik.id(), 1, Map.of("nationalId", NationalIds.valid("010155"),
                "email", "eirik@example.no", "phone", "+47 900 00 000")));
        assertEquals("eirik@example.no", one(read("person"), eirik.id()).get("fields").get("email").getStringValue());
    }
}
