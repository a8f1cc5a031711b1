package no.tettpa.backend.records;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.support.Records;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static no.tettpa.backend.support.Records.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ArrearsRecordsTest extends RecordsTest {
    private Map<String, Object> step(UUID caseId, String step, LocalDate date) {
        return Map.of("caseId", caseId.toString(), "type", "legal_step", "step", step, "date", date.toString());
    }

    @Test
    void theCaseShowsItsLegalDeadlinesMovedPastEaster() {
        UUID c = created("arrears_case", Records.arrearsCase());
        created("arrears_event", step(c, "notice_sent", LocalDate.of(2026, 3, 22)));
        JsonNode view = one(read("arrears_case"), c);
        JsonNode payment = view.get("derived").get("deadlines").get(0);
        assertEquals("2026-04-07", payment.get("date").getStringValue(),
                "22 March + 14 days is Easter Sunday; Easter Monday is a holiday too");
        assertEquals("2026-04-05", payment.get("movedFrom").getStringValue());
    }

    @Test
    void everyCaseLifecycleStep() {
        UUID c = created("arrears_case", Records.arrearsCase());
        JsonNode noOutcome = updated("arrears_case", c, 1, Map.of("status", "closed"));
        assertEquals("outcome", noOutcome.get("rejection").get("field").getStringValue());
        assertApplied(updated("arrears_case", c, 1, Map.of("status", "closed", "outcome", "direct_payment")));
        refusedUpdate("arrears_case", c, 2, Map.of("status", "open"), "invalid_transition");
        refusedCreate("arrears_case", with(Records.arrearsCase(), "status", "closed", "outcome", "paid"), "status");
        refusedCreate("arrears_case", with(Records.arrearsCase(), "outcome", "paid"), "outcome");
    }

    @Test
    void everyCaseRuleIsCheckedBothWays() {
        refusedCreate("arrears_case", with(Records.arrearsCase(), "amountOwed", -1), "amountOwed");
        refusedCreate("arrears_case", with(Records.arrearsCase(), "monthlyRent", "8500.123"), "monthlyRent");
        refusedCreate("arrears_case", with(Records.arrearsCase(), "monthlyRent", 8500.123), "monthlyRent");
        refusedCreate("arrears_case", with(Records.arrearsCase(), "monthsInArrears", 121), "monthsInArrears");
        refusedCreate("arrears_case", with(Records.arrearsCase(), "landlordType", "uncle"), "landlordType");
        refusedCreate("arrears_case", with(Records.arrearsCase(), "source", "rumour"), "source");
        Map<String, Object> noLandlord = Records.arrearsCase();
        noLandlord.remove("landlordName");
        refusedCreate("arrears_case", noLandlord, "landlordName");
    }

    @Test
    void eventsNeedWhatTheirTypeNeedsAndStepsComeInLegalOrder() {
        UUID c = created("arrears_case", Records.arrearsCase());
        refusedCreate("arrears_event", Map.of("caseId", UUID.randomUUID().toString(), "type", "contact",
                "date", LocalDate.now().toString(), "counterpart", "tenant", "channel", "phone"), "caseId");
        refusedCreate("arrears_event", Map.of("caseId", c.toString(), "type", "legal_step",
                "date", LocalDate.now().toString()), "step");
        refusedCreate("arrears_event", Map.of("caseId", c.toString(), "type", "contact",
                "date", LocalDate.now().toString(), "channel", "phone"), "counterpart");
        refusedCreate("arrears_event", Map.of("caseId", c.toString(), "type", "nav_action",
                "date", LocalDate.now().toString(), "navAction", "direct_rent_payment"), "navActionStatus");
        refusedCreate("arrears_event", Map.of("caseId", c.toString(), "type", "contact", "step", "notice_sent",
                "date", LocalDate.now().toString(), "counterpart", "tenant", "channel", "phone"), "step");
        created("arrears_event", step(c, "notice_sent", LocalDate.now().minusDays(20)));
        refusedCreate("arrears_event", step(c, "petition_filed", LocalDate.now().minusDays(25)), "date");
        created("arrears_event", step(c, "petition_filed", LocalDate.now().minusDays(5)));
        refusedCreate("arrears_event", step(c, "eviction_carried_out", LocalDate.now().plusYears(2)), "date");
        created("arrears_event", Map.of("caseId", c.toString(), "type", "nav_action", "date", LocalDate.now().toString(),
                "navAction", "direct_rent_payment", "navActionStatus", "applied"));
        created("arrears_event", Map.of("caseId", c.toString(), "type", "contact", "date", LocalDate.now().toString(),
                "counterpart", "landlord", "channel", "phone", "outcome", "Utleier venter til NAV svarer"));
    }

    @Test
    void aDirectFilingClauseLetsThePetitionComeFirst() {
        UUID c = created("arrears_case", with(Records.arrearsCase(), "directFilingClause", true));
        created("arrears_event", step(c, "notice_sent", LocalDate.now().minusDays(5)));
        created("arrears_event", step(c, "petition_filed", LocalDate.now().minusDays(10)));
    }

    @Test
    void theTenantsReservationAgainstNavLimitsWhoIsContacted() {
        UUID c = created("arrears_case", Records.arrearsCase());
        Map<String, Object> navContact = Map.of("caseId", c.toString(), "type", "contact", "date", LocalDate.now().toString(),
                "counterpart", "nav", "channel", "phone");
        created("arrears_event", navContact);
        created("arrears_event", step(c, "tenant_reservation", LocalDate.now().minusDays(1)));
        refusedCreate("arrears_event", navContact, "counterpart");
        assertFalse(one(read("arrears_case"), c).get("derived").get("navMayBeContacted").getBooleanValue());
    }
}
