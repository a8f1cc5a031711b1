package no.tettpa.backend.records;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.org.Staff;
import no.tettpa.backend.persons.Person;
import no.tettpa.backend.support.ApiTest;
import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.TestDevice;
import no.tettpa.backend.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Base of the field-record tests: every rule is checked both ways a write arrives, as a synced mutation (a
 * per-mutation rejection naming the field) and over REST (a 422 problem naming the field).
 */
abstract class RecordsTest extends ApiTest {
    TestTenants.Tenant tenant;
    Staff kari;
    Staff leader;
    Person eirik;
    TestDevice device;

    @BeforeEach
    void tenant() {
        tenant = tenants.create();
        kari = tenant.staff("Kari", "field-worker", tenant.teamId);
        leader = tenant.staff("Lise", "team-leader", tenant.teamId);
        eirik = tenant.person("Eirik", tenant.teamId, kari.id());
        device = new TestDevice(http(), tenant.token(kari));
    }

    /** Creates a record through sync and returns its id; fails if it is not applied. */
    UUID created(String entity, Map<String, Object> fields) {
        UUID id = UUID.randomUUID();
        JsonNode o = device.push(device.create(entity, id, eirik.id(), fields)).get(0);
        assertEquals("applied", o.get("status").getStringValue(), o.toString());
        return id;
    }

    JsonNode updated(String entity, UUID id, long base, Map<String, Object> fields) {
        return device.push(device.update(entity, id, eirik.id(), base, fields)).get(0);
    }

    /** The create is refused both ways, naming the field (and, when given, the rejection code). */
    void refusedCreate(String entity, Map<String, Object> fields, String field) {
        JsonNode synced = device.push(device.create(entity, UUID.randomUUID(), eirik.id(), fields)).get(0);
        assertEquals("rejected", synced.get("status").getStringValue(), synced.toString());
        assertEquals(field, synced.get("rejection").get("field").getStringValue(), synced.toString());

        Map<String, Object> write = new LinkedHashMap<>();
        write.put("entity", entity);
        write.put("op", "create");
        write.put("recordId", UUID.randomUUID().toString());
        write.put("personId", eirik.id().toString());
        write.put("fields", fields);
        Http.Response rest = http().post("/api/v1/records", tenant.token(kari), Http.toJson(write));
        assertEquals(422, rest.status(), rest.body());
        assertEquals("validation", rest.problemType());
        assertEquals(field, rest.json().get("errors").get(0).get("field").getStringValue(), rest.body());
    }

    void refusedUpdate(String entity, UUID id, long base, Map<String, Object> fields, String code) {
        JsonNode o = updated(entity, id, base, fields);
        assertEquals("rejected", o.get("status").getStringValue(), o.toString());
        assertEquals(code, o.get("rejection").get("code").getStringValue(), o.toString());
    }

    List<JsonNode> read(String entity) {
        Http.Response r = http().get("/api/v1/persons/" + eirik.id() + "/records?entity=" + entity, tenant.token(leader));
        assertEquals(200, r.status(), r.body());
        return list(r.json());
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode n : array.values()) out.add(n);
        return out;
    }

    static JsonNode one(List<JsonNode> records, UUID id) {
        for (JsonNode r : records) if (r.get("id").getStringValue().equals(id.toString())) return r;
        throw new AssertionError("no record " + id + " in " + records);
    }

    static void assertApplied(JsonNode o) {
        assertNotNull(o);
        assertTrue(!o.get("status").getStringValue().equals("rejected"), o.toString());
    }
}
