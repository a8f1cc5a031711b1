package no.tettpa.backend.sync;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.support.Db;
import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.TestDevice;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Open conflicts per worker and per team, both values with authors and clocks, and resolution as a synced change. */
class ConflictReviewTest extends SyncTest {

    private UUID longTextConflict(String mine, String theirs) {
        TestDevice a = device(kari);
        TestDevice b = device(ola);
        only(a.push(a.update("person", eirik.id(), eirik.id(), 1, Map.of("contactNotes", theirs))));
        JsonNode o = only(b.push(b.update("person", eirik.id(), eirik.id(), 1, Map.of("contactNotes", mine))));
        return UUID.fromString(o.get("conflictIds").get(0).getStringValue());
    }

    @Test
    void listsOpenConflictsPerWorkerAndPerTeam() {
        UUID id = longTextConflict("B", "A");
        var mine = http().get("/api/v1/conflicts", tenant.token(ola));
        assertEquals(200, mine.status(), mine.body());
        assertEquals(1, mine.json().size());
        assertEquals(id.toString(), mine.json().get(0).get("id").getStringValue());
        JsonNode c = mine.json().get(0);
        assertEquals("A", c.get("keptValue").getStringValue());
        assertEquals(kari.id().toString(), c.get("keptBy").getStringValue());
        assertEquals("B", c.get("otherValue").getStringValue());
        assertEquals(ola.id().toString(), c.get("otherBy").getStringValue());
        assertTrue(c.get("keptHlc").getStringValue().compareTo("0") > 0);

        assertEquals(1, http().get("/api/v1/conflicts?teamId=" + tenant.teamId, tenant.token(leader)).json().size());
        assertEquals(1, http().get("/api/v1/conflicts?workerId=" + ola.id(), tenant.token(leader)).json().size(),
                "the leader reviews a worker's conflicts");
        assertEquals(404, http().get("/api/v1/conflicts?workerId=" + ola.id(), tenant.token(kari)).status(),
                "a worker does not list a colleague's conflicts");
        var other = tenants.create();
        var stranger = other.staff("Stranger", "team-leader", other.teamId);
        assertEquals(404, http().get("/api/v1/conflicts/" + id, other.token(stranger)).status());
        assertEquals(404, http().get("/api/v1/conflicts?teamId=" + tenant.teamId, other.token(stranger)).status());
    }

    @Test
    void resolvingOverTheApiWritesTheChoiceAsANewVersionThatDevicesReceive() {
        UUID id = longTextConflict("B", "A");
        TestDevice a = device(kari);
        a.pullAll();
        var resolved = http().post("/api/v1/conflicts/" + id + "/resolution", tenant.token(leader),
                Http.toJson(Map.of("choice", "value", "value", "A og B", "comment", "slått sammen")));
        assertEquals(200, resolved.status(), resolved.body());
        assertEquals("resolved", resolved.json().get("status").getStringValue());
        assertEquals(leader.id().toString(), resolved.json().get("resolvedBy").getStringValue());
        assertEquals(0, Db.count("SELECT count(*) FROM open_conflict WHERE municipality_id = ?", tenant.id));

        var changes = a.pullAll();
        assertEquals("A og B", change(changes, eirik.id()).get("fields").get("contactNotes").getStringValue());
        assertEquals("resolved", change(changes, id).get("fields").get("status").getStringValue());

        var again = http().post("/api/v1/conflicts/" + id + "/resolution", tenant.token(leader),
                Http.toJson(Map.of("choice", "kept")));
        assertEquals(409, again.status(), "a conflict is resolved once");
    }

    @Test
    void aDeviceResolvesByUpdatingTheConflictsResolution() {
        UUID id = longTextConflict("B", "A");
        TestDevice b = device(ola);
        var conflict = change(b.pullAll(), id);
        JsonNode o = only(b.push(b.update("conflict", id, eirik.id(), conflict.get("version").getLongValue(),
                Map.of("resolution", Map.of("choice", "other")))));
        assertEquals("applied", status(o), o.toString());
        assertEquals("B", change(b.pullAll(), eirik.id()).get("fields").get("contactNotes").getStringValue());

        JsonNode refused = only(b.push(b.update("conflict", id, eirik.id(), 2, Map.of("status", "open"))));
        assertEquals("rejected", status(refused), "only the resolution is the device's to write");
    }

    @Test
    void aResolutionNeverOverwritesAValueItsMakerDidNotSeeWithoutATrace() {
        UUID id = longTextConflict("B", "A");
        TestDevice a = device(kari);
        only(a.push(a.update("person", eirik.id(), eirik.id(), 2, Map.of("contactNotes", "C"))));
        var resolved = http().post("/api/v1/conflicts/" + id + "/resolution", tenant.token(leader),
                Http.toJson(Map.of("choice", "other")));
        assertEquals(200, resolved.status(), resolved.body());
        var open = http().get("/api/v1/conflicts?teamId=" + tenant.teamId, tenant.token(leader)).json();
        assertEquals(1, open.size(), "the newer value waits for a person in a new conflict");
        assertEquals("resolution", open.get(0).get("kind").getStringValue());
        assertEquals("B", open.get(0).get("keptValue").getStringValue());
        assertEquals("C", open.get(0).get("otherValue").getStringValue());
    }

    @Test
    void aDeleteChosenOverEditsMadeAfterTheConflictIsNotCarriedOut() {
        TestDevice a = device(kari);
        TestDevice b = device(ola);
        UUID arrears = UUID.randomUUID();
        only(a.push(a.create("arrears_case", arrears, eirik.id(), no.tettpa.backend.support.Records.arrearsCase())));
        only(a.push(a.update("arrears_case", arrears, eirik.id(), 1, Map.of("notes", "Utleier ringt"))));
        UUID id = UUID.fromString(only(b.push(b.delete("arrears_case", arrears, eirik.id(), 1))).get("conflictIds").get(0)
                .getStringValue());
        only(a.push(a.update("arrears_case", arrears, eirik.id(), 2, Map.of("monthsInArrears", 4))));
        assertEquals(200, http().post("/api/v1/conflicts/" + id + "/resolution", tenant.token(leader),
                Http.toJson(Map.of("choice", "other"))).status());
        assertEquals("false", Db.text("SELECT deleted::text FROM record_version WHERE municipality_id = ? AND record_id = ? "
                + "ORDER BY version DESC LIMIT 1", tenant.id, arrears));
        assertEquals(1, Db.count("SELECT count(*) FROM open_conflict WHERE municipality_id = ? AND kind = 'delete_edit'", tenant.id));
    }

    @Test
    void badResolutionsAreClearErrors() {
        UUID id = longTextConflict("B", "A");
        var bad = http().post("/api/v1/conflicts/" + id + "/resolution", tenant.token(leader),
                Http.toJson(Map.of("choice", "both")));
        assertEquals(422, bad.status(), bad.body());
        assertEquals("choice", bad.json().get("errors").get(0).get("field").getStringValue());
        var tooLong = http().post("/api/v1/conflicts/" + id + "/resolution", tenant.token(leader),
                Http.toJson(Map.of("choice", "value", "value", "x".repeat(5000))));
        assertEquals(422, tooLong.status(), "the merged value is checked against the field it is for");
        assertEquals(404, http().post("/api/v1/conflicts/" + UUID.randomUUID() + "/resolution", tenant.token(leader),
                Http.toJson(Map.of("choice", "kept"))).status());
    }
}
