package no.tettpa.backend.persons;

import no.tettpa.backend.org.Staff;
import no.tettpa.backend.support.ApiTest;
import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.TestTenants;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PersonApiTest extends ApiTest {
    @Test
    void aLeaderRegistersAPersonTheTeamThenSees() {
        TestTenants.Tenant t = tenants.create();
        Staff leader = t.staff("Leader", "team-leader", t.teamId);
        Staff worker = t.staff("Worker", "field-worker", t.teamId);
        var created = http().post("/api/v1/persons", t.token(leader), Http.toJson(Map.of(
                "displayName", "  Ny Person ", "teamId", t.teamId.toString(), "coordinatorId", worker.id().toString())));
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").getStringValue();
        assertEquals("/api/v1/persons/" + id, created.headers().firstValue("location").orElseThrow());
        assertEquals("Ny Person", created.json().get("displayName").getStringValue());

        var seen = http().get("/api/v1/persons/" + id, t.token(worker));
        assertEquals(200, seen.status());
        assertEquals(1, http().get("/api/v1/persons", t.token(worker)).json().size());
    }

    @Test
    void aFieldWorkerCannotRegisterAndOtherTenantsSeeNothing() {
        TestTenants.Tenant t = tenants.create();
        Staff worker = t.staff("Worker", "field-worker", t.teamId);
        var refused = http().post("/api/v1/persons", t.token(worker), Http.toJson(Map.of(
                "displayName", "X", "teamId", t.teamId.toString())));
        assertEquals(403, refused.status());

        var p = t.person("Hidden", t.teamId, worker.id());
        TestTenants.Tenant other = tenants.create();
        Staff otherAdmin = other.staff("Admin elsewhere", "administrator", other.teamId);
        assertEquals(404, http().get("/api/v1/persons/" + p.id(), other.token(otherAdmin)).status(),
                "another municipality's person does not exist for this caller");
    }
}
