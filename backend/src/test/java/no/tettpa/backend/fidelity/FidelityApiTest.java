package no.tettpa.backend.fidelity;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.org.Staff;
import no.tettpa.backend.persons.Person;
import no.tettpa.backend.support.ApiTest;
import no.tettpa.backend.support.FieldData;
import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.TestDevice;
import no.tettpa.backend.support.TestTenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.tettpa.backend.support.FieldData.daysAgo;
import static no.tettpa.backend.support.FieldData.housing;
import static no.tettpa.backend.support.FieldData.visit;
import static no.tettpa.backend.support.FieldData.withParticipants;
import static no.tettpa.backend.support.Records.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fidelity figures for the 14 days from 14 to 1 days ago, against values worked out by hand. Two field workers
 * (Kari, Ola); four persons, all followed throughout (56 person-days = 8 person-weeks):
 * <pre>
 * Anna (Housing First since 100 days ago; homeless, housed 9 days ago): home d13 by Kari with Ola; phone d10;
 *      café d6 by Kari; failed attempt d3; NAV's office d2 by Ola with her mother.
 * Bo   (agreement): home d12 by Kari; outdoors d5 by Kari with a friend; a failed attempt d8 corrected into a car
 *      ride by Kari.
 * Cato (no episode: followed throughout): video d4 by Ola; home d20 (before the period).
 * Dina (Housing First since 40 days ago; in temporary accommodation, not yet housed): nothing.
 * </pre>
 * Face-to-face contacts: Anna 3 (home, café, NAV), Bo 3 (home, outdoors, car) = 6, of them 5 in the community.
 */
class FidelityApiTest extends ApiTest {
    TestTenants.Tenant tenant;
    Staff kari, ola, leader, otherLeader;

    @BeforeAll
    void data() {
        tenant = tenants.create();
        kari = tenant.staff("Kari", "field-worker", tenant.teamId);
        ola = tenant.staff("Ola", "field-worker", tenant.teamId);
        leader = tenant.staff("Lise", "team-leader", tenant.teamId);
        otherLeader = tenant.staff("Otto", "team-leader", tenant.team("Boveiledning", "boveiledning", false));
        Person anna = tenant.person("Anna", tenant.teamId, kari.id());
        Person bo = tenant.person("Bo", tenant.teamId, kari.id());
        Person cato = tenant.person("Cato", tenant.teamId, ola.id());
        Person dina = tenant.person("Dina", tenant.teamId, ola.id());

        FieldData k = new FieldData(new TestDevice(http(), tenant.token(kari)));
        k.add("episode", anna.id(), Map.of("basis", "housing_first", "startDate", daysAgo(100).toString(), "status", "active"));
        k.add("episode", dina.id(), Map.of("basis", "housing_first", "startDate", daysAgo(40).toString(), "status", "active"));
        k.add("housing_situation", anna.id(), housing(daysAgo(100), "homeless", false));
        k.add("housing_situation", anna.id(), housing(daysAgo(9), "permanent_satisfactory", false));
        k.add("housing_situation", dina.id(), housing(daysAgo(60), "temporary_accommodation", false));
        k.add("visit", anna.id(), withParticipants(visit(daysAgo(13), "planned", "home"), List.of(ola.id()), List.of()));
        k.add("visit", anna.id(), visit(daysAgo(10), "planned", "phone"));
        k.add("visit", anna.id(), visit(daysAgo(6), "unplanned", "cafe"));
        k.add("visit", anna.id(), visit(daysAgo(3), "failed_attempt", "home"));
        k.add("visit", bo.id(), visit(daysAgo(12), "planned", "home"));
        k.add("visit", bo.id(), withParticipants(visit(daysAgo(5), "planned", "outdoors"), List.of(), List.of("Venn")));
        UUID failed = k.add("visit", bo.id(), visit(daysAgo(8), "failed_attempt", "home"));
        k.add("visit", bo.id(), with(visit(daysAgo(8), "accompanying", "car"), "corrects", failed.toString()));
        k.add("visit", cato.id(), visit(daysAgo(20), "planned", "home"));
        k.push();
        FieldData o = new FieldData(new TestDevice(http(), tenant.token(ola)));
        o.add("visit", anna.id(), withParticipants(visit(daysAgo(2), "accompanying", "nav_office"), List.of(), List.of("Mor")));
        o.add("visit", cato.id(), visit(daysAgo(4), "planned", "video"));
        o.push();
    }

    private JsonNode figures(String query) {
        Http.Response r = http().get("/api/v1/teams/" + tenant.teamId + "/fidelity" + query, tenant.token(leader));
        assertEquals(200, r.status(), r.body());
        return r.json().get("figures");
    }

    private static double value(JsonNode figure) {
        return figure.get("value").getDoubleValue();
    }

    @Test
    void everyFigureMatchesTheHandComputedValue() {
        JsonNode f = figures("?from=" + daysAgo(14) + "&to=" + daysAgo(1));
        assertEquals(14, f.get("days").getIntValue());
        assertEquals(4, f.get("personsFollowed").getIntValue());
        assertEquals(2.0, value(f.get("caseloadRatio")));
        assertTrue(f.get("caseloadRatio").get("meetsTarget").getBooleanValue());
        assertEquals(25.0, value(f.get("seenByMoreThanOneStaff")), "only Anna was seen by two staff");
        assertEquals(1, f.get("seenByMoreThanOneStaff").get("numerator").getLongValue());
        assertFalse(f.get("seenByMoreThanOneStaff").get("meetsTarget").getBooleanValue());
        assertEquals(83.33, value(f.get("contactsInCommunity")), "5 of 6 face-to-face contacts");
        assertEquals(6, f.get("contactsInCommunity").get("denominator").getDoubleValue());
        assertEquals(0.75, value(f.get("contactsPerWeek")), "6 contacts over 8 person-weeks");
        assertEquals(1.09, value(f.get("networkContactsPerMonth")), "2 over 56 / 30.4375 person-months");

        JsonNode hf = f.get("housingFirst");
        assertEquals(2, hf.get("persons").getIntValue());
        assertEquals(0.75, value(hf.get("visitsPerWeek")), "Anna's 3 over Anna's and Dina's 4 person-weeks");
        assertEquals(50.0, value(hf.get("weeksWithVisit")), "Anna 2 of 2 weeks, Dina 0 of 2");
        assertEquals(91.0, value(hf.get("intakeToHousing")), "Anna: 100 days ago to 9 days ago");
        assertEquals(1, hf.get("housedInPeriod").getIntValue());
        assertEquals(1, hf.get("notYetHoused").getIntValue());
        assertTrue(f.get("contactsInCommunity").get("definition").getStringValue().contains("café"));
    }

    @Test
    void onlyTheTeamsLeadersAndSaneParameters() {
        assertEquals(404, http().get("/api/v1/teams/" + tenant.teamId + "/fidelity", tenant.token(otherLeader)).status());
        assertEquals(404, http().get("/api/v1/teams/" + tenant.teamId + "/fidelity", tenant.token(kari)).status());
        for (String q : List.of("?to=" + FieldData.today().plusDays(1), "?from=" + daysAgo(1) + "&to=" + daysAgo(2),
                "?from=last-monday", "?from=2010-01-01&to=" + daysAgo(1))) {
            Http.Response r = http().get("/api/v1/teams/" + tenant.teamId + "/fidelity" + q, tenant.token(leader));
            assertEquals(400, r.status(), q + " " + r.body());
            assertEquals("invalid-parameter", r.problemType(), q);
        }
        assertEquals(28, figures("").get("days").getIntValue(), "four weeks to today by default");
    }
}
