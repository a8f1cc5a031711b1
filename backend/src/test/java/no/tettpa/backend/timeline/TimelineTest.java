package no.tettpa.backend.timeline;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Inject;
import no.tettpa.backend.org.Staff;
import no.tettpa.backend.persons.Person;
import no.tettpa.backend.support.ApiTest;
import no.tettpa.backend.support.FieldData;
import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.NarrowedScopes;
import no.tettpa.backend.support.Records;
import no.tettpa.backend.support.RecordingReadListener;
import no.tettpa.backend.support.TestDevice;
import no.tettpa.backend.support.TestTenants;
import no.tettpa.sync.schema.Category;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.tettpa.backend.support.FieldData.daysAgo;
import static no.tettpa.backend.support.FieldData.visit;
import static no.tettpa.backend.support.Records.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person's timeline: every record type in time order, who wrote what from which device, only visible categories. */
class TimelineTest extends ApiTest {
    @Inject
    RecordingReadListener reads;

    TestTenants.Tenant tenant;
    Staff kari, ola, petra, otherLeader;
    Person eirik;
    TestDevice kariPhone, olaPhone;
    UUID agreement;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("tettpa.test.record-reads", "true", "tettpa.test.narrowed-scopes", "true");
    }

    @BeforeAll
    void data() {
        tenant = tenants.create();
        kari = tenant.staff("Kari", "field-worker", tenant.teamId);
        ola = tenant.staff("Ola", "field-worker", tenant.teamId);
        petra = tenant.staff("Petra", "field-worker", tenant.teamId);
        otherLeader = tenant.staff("Otto", "team-leader", tenant.team("Boveiledning", "boveiledning", false));
        NarrowedScopes.MASKS.put(petra.id(), Category.mask(EnumSet.of(Category.CORE, Category.VISITS)));
        eirik = tenant.person("Eirik", tenant.teamId, kari.id());

        kariPhone = new TestDevice(http(), tenant.token(kari));
        FieldData k = new FieldData(kariPhone);
        k.add("housing_situation", eirik.id(), FieldData.housing(daysAgo(100), "temporary_accommodation", false));
        k.add("visit", eirik.id(), visit(daysAgo(10), "planned", "home"));
        k.add("visit", eirik.id(), with(visit(daysAgo(3), "planned", "home"), "regime", "health_care"));
        agreement = k.add("agreement", eirik.id(), Records.agreementDraft());
        k.update("agreement", agreement, eirik.id(), 1, Map.of("measures", "Ukentlige besøk"));
        k.push();
        olaPhone = new TestDevice(http(), tenant.token(ola));
        FieldData o = new FieldData(olaPhone);
        o.add("rating", eirik.id(), FieldData.rating(daysAgo(50), "yellow", Map.of()));
        o.push();
    }

    private JsonNode timeline(Staff who, String query) {
        Http.Response r = http().get("/api/v1/persons/" + eirik.id() + "/timeline" + query, tenant.token(who));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static List<String> kinds(JsonNode t) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : t.get("entries").values()) {
            out.add(e.get("entity").getStringValue() + "/" + e.get("change").getStringValue());
        }
        return out;
    }

    @Test
    void everyRecordTypeInTimeOrderWithAuthorAndDevice() {
        JsonNode t = timeline(kari, "");
        assertEquals(List.of("housing_situation/created", "rating/created", "visit/created", "visit/created",
                "person/created", "agreement/created", "agreement/updated"), kinds(t));
        List<JsonNode> e = new ArrayList<>();
        t.get("entries").values().forEach(e::add);
        assertEquals(daysAgo(100).atStartOfDay(FieldData.NORWAY).toInstant().toString(), e.get(0).get("at").getStringValue());
        assertTrue(e.get(0).get("dateOnly").getBooleanValue());
        assertEquals("Kari", e.get(0).get("recordedBy").get("displayName").getStringValue());
        assertEquals(kariPhone.id.toString(), e.get(0).get("device").get("id").getStringValue());
        assertEquals("Ola", e.get(1).get("recordedBy").get("displayName").getStringValue());
        assertEquals(olaPhone.id.toString(), e.get(1).get("device").get("id").getStringValue());
        assertEquals("health_notes", e.get(3).get("category").getStringValue());
        assertEquals(List.of("measures"), List.of(e.get(6).get("changedFields").get(0).getStringValue()));
        assertEquals("Ukentlige besøk", e.get(6).get("fields").get("measures").getStringValue());
        assertEquals("Eirik", t.get("displayName").getStringValue());
    }

    @Test
    void onlyTheCategoriesTheCallerMaySee() {
        JsonNode t = timeline(petra, "");
        assertEquals(List.of("housing_situation/created", "visit/created", "person/created"), kinds(t));
        assertEquals("core", t.get("categories").get(0).getStringValue());
        assertEquals(2, t.get("categories").size());
    }

    @Test
    void windowTypeAndOrder() {
        assertEquals(List.of("rating/created", "visit/created"),
                kinds(timeline(kari, "?from=" + daysAgo(60) + "&to=" + daysAgo(5))));
        assertEquals(List.of("visit/created", "visit/created"), kinds(timeline(kari, "?entity=visit")));
        List<String> desc = kinds(timeline(kari, "?order=desc"));
        assertEquals("agreement/updated", desc.get(0));
        assertEquals("housing_situation/created", desc.get(desc.size() - 1));
    }

    @Test
    void badParametersAndOtherTeams() {
        for (String q : List.of("?entity=horoscope", "?from=yesterday", "?order=random", "?from=2026-05-01&to=2026-04-01")) {
            Http.Response r = http().get("/api/v1/persons/" + eirik.id() + "/timeline" + q, tenant.token(kari));
            assertEquals(400, r.status(), q + " " + r.body());
            assertEquals("invalid-parameter", r.problemType(), q);
        }
        assertEquals(404, http().get("/api/v1/persons/" + eirik.id() + "/timeline", tenant.token(otherLeader)).status());
        assertEquals(404, http().get("/api/v1/persons/" + UUID.randomUUID() + "/timeline", tenant.token(kari)).status());
    }

    @Test
    void theRecordsShownAreReportedToTheAccessLog() {
        timeline(petra, "");
        var logged = reads.by(petra.id()).stream().filter(r -> r.purpose().equals("timeline")).toList();
        assertEquals(eirik.id(), logged.get(logged.size() - 1).personId());
        assertEquals(3, logged.get(logged.size() - 1).records());
    }
}
