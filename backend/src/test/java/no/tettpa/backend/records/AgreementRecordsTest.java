package no.tettpa.backend.records;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.support.Records;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.tettpa.backend.support.Records.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AgreementRecordsTest extends RecordsTest {
    private UUID draft() {
        return created("agreement", Records.agreementDraft());
    }

    private UUID signedDraft() {
        return created("agreement", with(Records.agreementDraft(), "signatures", List.of(Records.signature())));
    }

    @Test
    void everyAllowedLifecycleStep() {
        UUID a = signedDraft();
        assertApplied(updated("agreement", a, 1, Map.of("status", "active")));
        assertApplied(updated("agreement", a, 2, Map.of("status", "under_evaluation")));
        assertApplied(updated("agreement", a, 3, Map.of("status", "renewed")));

        UUID b = signedDraft();
        assertApplied(updated("agreement", b, 1, Map.of("status", "active")));
        assertApplied(updated("agreement", b, 2, Map.of("status", "ended", "endReason", "Flyttet")));

        UUID c = draft();
        assertApplied(updated("agreement", c, 1, Map.of("status", "ended", "endReason", "Ble ikke enige")));

        UUID d = signedDraft();
        assertApplied(updated("agreement", d, 1, Map.of("status", "active")));
        assertApplied(updated("agreement", d, 2, Map.of("status", "under_evaluation")));
        assertApplied(updated("agreement", d, 3, Map.of("status", "ended", "endReason", "Mål nådd")));
    }

    @Test
    void everyRefusedLifecycleStep() {
        UUID a = signedDraft();
        refusedUpdate("agreement", a, 1, Map.of("status", "under_evaluation"), "invalid_transition");
        refusedUpdate("agreement", a, 1, Map.of("status", "renewed"), "invalid_transition");
        assertApplied(updated("agreement", a, 1, Map.of("status", "active")));
        refusedUpdate("agreement", a, 2, Map.of("status", "draft"), "invalid_transition");
        assertApplied(updated("agreement", a, 2, Map.of("status", "ended", "endReason", "Flyttet")));
        refusedUpdate("agreement", a, 3, Map.of("status", "active"), "invalid_transition");
        refusedCreate("agreement", with(Records.agreementDraft(), "status", "active",
                "signatures", List.of(Records.signature())), "status");
    }

    @Test
    void itBecomesActiveOnlyWithThePersonsOwnSignature() {
        UUID a = draft();
        JsonNode o = updated("agreement", a, 1, Map.of("status", "active"));
        assertEquals("signatures", o.get("rejection").get("field").getStringValue());
        Map<String, Object> serviceOnly = with(Records.signature(), "role", "service", "signerName", "Kari");
        JsonNode still = updated("agreement", a, 1, Map.of("status", "active", "signatures", List.of(serviceOnly)));
        assertEquals("signatures", still.get("rejection").get("field").getStringValue());
        assertApplied(updated("agreement", a, 1, Map.of("status", "active", "signatures", List.of(serviceOnly, Records.signature()))));
    }

    @Test
    void aSignedVersionNeverChangesAndARenewalIsANewVersion() {
        UUID a = signedDraft();
        assertApplied(updated("agreement", a, 1, Map.of("status", "active")));
        refusedUpdate("agreement", a, 2, Map.of("goals", List.of()), "locked");
        assertApplied(updated("agreement", a, 2, Map.of("status", "under_evaluation")));
        assertApplied(updated("agreement", a, 3, Map.of("status", "renewed")));
        UUID renewal = created("agreement", with(Records.agreementDraft(), "versionNumber", 2, "previousId", a.toString()));
        assertEquals(a.toString(), one(read("agreement"), renewal).get("fields").get("previousId").getStringValue());
    }

    @Test
    void everyAgreementRuleIsCheckedBothWays() {
        refusedCreate("agreement", with(Records.agreementDraft(), "signatures", List.of(with(Records.signature(),
                "method", "verbal_with_witness"))), "signatures[0].witnessName");
        refusedCreate("agreement", with(Records.agreementDraft(), "signatures", List.of(with(Records.signature(),
                "method", "carrier_pigeon"))), "signatures[0].method");
        refusedCreate("agreement", with(Records.agreementDraft(), "validFrom", LocalDate.now().toString(),
                "validUntil", LocalDate.now().minusDays(1).toString()), "validUntil");
        refusedCreate("agreement", with(Records.agreementDraft(), "previousId", UUID.randomUUID().toString()), "previousId");
        UUID first = draft();
        refusedCreate("agreement", with(Records.agreementDraft(), "previousId", first.toString()), "versionNumber");
        refusedCreate("agreement", with(Records.agreementDraft(), "evaluationDate", LocalDate.now().plusYears(5).toString()),
                "evaluationDate");
        refusedCreate("agreement", with(Records.agreementDraft(), "goals", List.of(Map.of("text", "Uten id"))), "goals[0].id");
        Map<String, Object> noVersion = Records.agreementDraft();
        noVersion.remove("versionNumber");
        refusedCreate("agreement", noVersion, "versionNumber");
        UUID toEnd = draft();
        JsonNode noReason = updated("agreement", toEnd, 1, Map.of("status", "ended"));
        assertEquals("endReason", noReason.get("rejection").get("field").getStringValue());
    }

    @Test
    void progressBelongsToAGoalOfAnAgreementOfTheSamePerson() {
        Map<String, Object> draft = Records.agreementDraft();
        UUID a = created("agreement", draft);
        @SuppressWarnings("unchecked")
        String goal = ((List<Map<String, Object>>) draft.get("goals")).get(0).get("id").toString();
        Map<String, Object> progress = Map.of("agreementId", a.toString(), "goalId", goal,
                "date", LocalDate.now().toString(), "progress", "some", "note", "Betalte husleien i tide");
        UUID p = created("agreement_progress", progress);
        assertEquals("some", one(read("agreement_progress"), p).get("fields").get("progress").getStringValue());
        refusedCreate("agreement_progress", with(progress, "goalId", UUID.randomUUID().toString()), "goalId");
        refusedCreate("agreement_progress", with(progress, "agreementId", UUID.randomUUID().toString()), "agreementId");
        refusedCreate("agreement_progress", with(progress, "progress", "huge"), "progress");
    }
}
