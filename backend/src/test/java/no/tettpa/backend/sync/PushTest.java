package no.tettpa.backend.sync;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.support.Db;
import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.Records;
import no.tettpa.backend.support.TestDevice;
import no.tettpa.sync.clock.Hlc;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pushes: idempotent by device sequence, stored before judged, one outcome per mutation, never a partial batch. */
class PushTest extends SyncTest {

    @Test
    void aVisitRecordedOfflineIsAppliedAndComesBackInThePull() {
        TestDevice d = device(kari);
        UUID visit = UUID.randomUUID();
        JsonNode o = only(d.push(d.create("visit", visit, eirik.id(), Records.visit())));
        assertEquals("applied", status(o));
        assertEquals(1, o.get("version").getLongValue());

        List<JsonNode> changes = d.pullAll();
        JsonNode v = change(changes, visit);
        assertEquals("visit", v.get("entity").getStringValue());
        assertEquals(45, v.get("fields").get("durationMinutes").getIntValue());
        assertEquals(kari.id().toString(), v.get("fields").get("authorId").getStringValue(), "the server names the author");
        assertEquals("municipality", v.get("fields").get("controller").getStringValue());
    }

    @Test
    void replayingARequestReturnsTheSameOutcomesAndChangesNothing() {
        TestDevice d = device(kari);
        var request = d.request(List.of(
                d.create("visit", UUID.randomUUID(), eirik.id(), Records.visit()),
                d.create("visit", UUID.randomUUID(), eirik.id(), Records.with(Records.visit(), "durationMinutes", -5)),
                d.create("rating", UUID.randomUUID(), sara.id(), Records.rating())), false);
        var first = d.send(request);
        long versions = Db.count("SELECT count(*) FROM record_version WHERE municipality_id = ?", tenant.id);
        for (int i = 0; i < 3; i++) {
            var again = d.send(request);
            assertEquals(200, again.status());
            assertEquals(first.json().get("outcomes").toString(), again.json().get("outcomes").toString());
        }
        assertEquals(versions, Db.count("SELECT count(*) FROM record_version WHERE municipality_id = ?", tenant.id));
        assertEquals(4, Db.count("SELECT count(*) FROM sync_request WHERE municipality_id = ?", tenant.id),
                "every copy received is kept as received");
    }

    @Test
    void aGapIsReportedAndNeverGuessedOver() {
        TestDevice d = device(kari);
        var m1 = d.create("visit", UUID.randomUUID(), eirik.id(), Records.visit());
        var m2 = d.create("visit", UUID.randomUUID(), eirik.id(), Records.visit());
        var m3 = d.create("visit", UUID.randomUUID(), eirik.id(), Records.visit());
        var r = d.sync(List.of(m1, m3), false);
        assertEquals(200, r.status());
        assertEquals(1, r.json().get("outcomes").size());
        assertEquals(2, r.json().get("gap").get("expectedSeq").getLongValue());
        assertEquals(3, r.json().get("gap").get("receivedSeq").getLongValue());
        assertEquals(1, Db.count("SELECT count(*) FROM record_version WHERE municipality_id = ? AND entity = 'visit'", tenant.id));

        var resend = d.sync(List.of(m2, m3), false);
        assertEquals(2, resend.json().get("outcomes").size());
        assertNull(resend.json().get("gap"));
        assertEquals(3, Db.count("SELECT count(*) FROM record_version WHERE municipality_id = ? AND entity = 'visit'", tenant.id));
    }

    @Test
    void aRejectedMutationNeitherStopsTheBatchNorDisappears() {
        TestDevice d = device(kari);
        UUID bad = UUID.randomUUID();
        JsonNode outcomes = d.push(
                d.create("visit", UUID.randomUUID(), eirik.id(), Records.visit()),
                d.create("visit", bad, eirik.id(), Records.with(Records.visit(), "place", "moon")),
                d.create("visit", UUID.randomUUID(), eirik.id(), Records.visit()));
        assertEquals(List.of("applied", "rejected", "applied"), list(outcomes).stream().map(SyncTest::status).toList());
        JsonNode rejection = outcomes.get(1).get("rejection");
        assertEquals("validation", rejection.get("code").getStringValue());
        assertEquals("place", rejection.get("field").getStringValue());

        var stored = http().get("/api/v1/sync/devices/" + d.id + "/mutations/2", tenant.token(kari));
        assertEquals(200, stored.status(), stored.body());
        assertEquals("moon", stored.json().get("received").get("fields").get("place").getStringValue());
        assertEquals("rejected", stored.json().get("outcome").get("status").getStringValue());
        assertEquals(200, http().get("/api/v1/sync/devices/" + d.id + "/mutations/2", tenant.token(leader)).status(),
                "the team leader can see it too");
        assertEquals(404, http().get("/api/v1/sync/devices/" + d.id + "/mutations/2", tenant.token(ola)).status());
    }

    @Test
    void everyKindOfBadMutationGetsItsOwnRejection() {
        TestDevice d = device(kari);
        List<Map<String, Object>> ms = new ArrayList<>();
        ms.add(d.create("spaceship", UUID.randomUUID(), eirik.id(), Map.of()));
        ms.add(d.create("visit", UUID.randomUUID(), eirik.id(), Records.with(Records.visit(), "note", "x".repeat(10_001))));
        ms.add(d.create("visit", UUID.randomUUID(), eirik.id(), Records.with(Records.visit(), "durationMinutes", "long")));
        ms.add(d.create("visit", UUID.randomUUID(), eirik.id(), Records.with(Records.visit(), "colour", "red")));
        var noRecord = d.mutation("visit", "create", UUID.randomUUID(), eirik.id(), null, Records.visit());
        noRecord.remove("recordId");
        ms.add(noRecord);
        ms.add(d.mutation("visit", "teleport", UUID.randomUUID(), eirik.id(), null, Records.visit()));
        ms.add(d.create("visit", UUID.randomUUID(), eirik.id(), Records.with(Records.visit(), "startedAt", "2099-01-01T10:00:00+01:00")));
        ms.add(d.create("visit", UUID.randomUUID(), eirik.id(), Records.with(Records.visit(), "authorId", leader.id().toString())));
        ms.add(d.create("person", UUID.randomUUID(), eirik.id(), Map.of("displayName", "X")));
        var outcomes = list(d.push(ms.toArray(Map[]::new)));
        List<String> codes = outcomes.stream().map(o -> o.get("rejection").get("code").getStringValue()).toList();
        assertEquals(List.of("unknown_entity", "validation", "validation", "unknown_field", "validation", "validation",
                "validation", "validation", "server_only"), codes);
        assertEquals("note", outcomes.get(1).get("rejection").get("field").getStringValue());
        assertEquals("recordId", outcomes.get(4).get("rejection").get("field").getStringValue());
        assertEquals("startedAt", outcomes.get(6).get("rejection").get("field").getStringValue());
        assertEquals("authorId", outcomes.get(7).get("rejection").get("field").getStringValue());
        assertEquals(0, Db.count("SELECT count(*) FROM record_version WHERE municipality_id = ? AND entity = 'visit'", tenant.id));
    }

    @Test
    void aPersonOutsideTheDevicesScopeIsRejectedAndFlaggedNotDropped() {
        var otherTeam = tenant.team("Annet team", "boveiledning", false);
        var stranger = tenant.person("Utenfor", otherTeam, null);
        TestDevice d = device(kari);
        JsonNode o = only(d.push(d.create("visit", UUID.randomUUID(), stranger.id(), Records.visit())));
        assertEquals("out_of_scope", o.get("rejection").get("code").getStringValue());
        assertEquals(1, Db.count("SELECT count(*) FROM flagged_mutation WHERE municipality_id = ? AND reason = 'out_of_scope'",
                tenant.id));
    }

    @Test
    void anAppendOnlyEntryIsIdempotentByItsIdAcrossSequenceNumbers() {
        TestDevice d = device(kari);
        UUID visit = UUID.randomUUID();
        var fields = Records.visit();
        assertEquals("applied", status(only(d.push(d.create("visit", visit, eirik.id(), fields)))));
        assertEquals("applied", status(only(d.push(d.create("visit", visit, eirik.id(), fields)))),
                "the same entry sent again under a new seq is the same entry");
        JsonNode clash = only(d.push(d.create("visit", visit, eirik.id(), Records.with(fields, "durationMinutes", 10))));
        assertEquals("id_conflict", clash.get("rejection").get("code").getStringValue());
        assertEquals(1, Db.count("SELECT count(*) FROM record_version WHERE municipality_id = ? AND record_id = ?",
                tenant.id, visit));
        JsonNode update = only(d.push(d.update("visit", visit, eirik.id(), 1, Map.of("durationMinutes", 20))));
        assertEquals("append_only", update.get("rejection").get("code").getStringValue());
    }

    @Test
    void aClockFarAheadIsClampedAndTheEventRecorded() {
        TestDevice d = device(kari);
        var m = d.create("visit", UUID.randomUUID(), eirik.id(), Records.visit());
        Hlc future = new Hlc(System.currentTimeMillis() + 86_400_000L, 0, "dev-fast");
        m.put("hlc", future.toString());
        var r = d.sync(List.of(m), false);
        assertEquals(200, r.status());
        assertTrue(r.json().get("clock").get("clamped").getBooleanValue());
        assertTrue(r.json().get("clock").get("aheadByMillis").getLongValue() > 86_000_000L);
        assertEquals(1, Db.count("SELECT count(*) FROM clock_event WHERE municipality_id = ?", tenant.id));
        Hlc server = Hlc.parse(r.json().get("serverHlc").getStringValue());
        assertTrue(server.millis() < System.currentTimeMillis() + 600_000L, "the server clock was not dragged a day ahead");
    }

    @Test
    void anUnservedProtocolOrSchemaAsksForAnUpgradeAndKeepsWhatWasSent() {
        TestDevice d = device(kari);
        var request = d.request(List.of(d.create("visit", UUID.randomUUID(), eirik.id(), Records.visit())), true);
        request.put("protocolVersion", 2);
        var r = d.send(request);
        assertEquals(426, r.status());
        assertEquals("upgrade-required", r.problemType());
        request.put("protocolVersion", 1);
        request.put("schemaVersion", 0);
        assertEquals(426, d.send(request).status());
        assertEquals(2, Db.count("SELECT count(*) FROM sync_request WHERE municipality_id = ?", tenant.id));
        assertEquals(0, Db.count("SELECT count(*) FROM record_version WHERE municipality_id = ? AND entity = 'visit'", tenant.id));
    }

    @Test
    void aMutationFromThePreviousSchemaIsUpgraded() {
        TestDevice d = device(kari);
        d.schemaVersion = 1;
        var v1 = Records.with(Records.visit(), "kind", "not_met");
        v1.put("duration", v1.remove("durationMinutes"));
        UUID visit = UUID.randomUUID();
        assertEquals("applied", status(only(d.push(d.create("visit", visit, eirik.id(), v1)))));
        String body = Db.text("SELECT body::text FROM record_version WHERE municipality_id = ? AND record_id = ?", tenant.id, visit);
        assertTrue(body.contains("\"durationMinutes\": 45") && body.contains("failed_attempt"), body);
        JsonNode pulled = change(d.pullAll(), visit);
        assertEquals(45, pulled.get("fields").get("duration").getIntValue(), "an old app reads its own schema");
        assertEquals("not_met", pulled.get("fields").get("kind").getStringValue());
    }

    @Test
    void requestLevelProblemsAre4xxAndNeverPartialWrites() {
        TestDevice d = device(kari);
        assertEquals(400, http().post("/api/v1/sync", d.token, "{not json").status());
        var noDevice = http().post("/api/v1/sync", d.token, "{\"protocolVersion\":1,\"schemaVersion\":2}");
        assertEquals(422, noDevice.status(), "a missing deviceId is a client error");
        assertEquals("validation", noDevice.problemType());
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) many.add(d.create("visit", UUID.randomUUID(), eirik.id(), Records.visit()));
        var tooMany = d.sync(many, false);
        assertEquals(413, tooMany.status());
        assertEquals("too-many-mutations", tooMany.problemType());
        assertEquals(0, Db.count("SELECT count(*) FROM record_version WHERE municipality_id = ? AND entity = 'visit'", tenant.id));
        assertEquals(1, Db.count("SELECT count(*) FROM sync_request WHERE municipality_id = ? AND mutation_count = 1001", tenant.id));
        var badCheckpoint = d.send(Map.of("protocolVersion", 1, "schemaVersion", 2, "deviceId", d.id.toString(),
                "pull", Map.of("checkpoint", "AAAA!!")));
        assertEquals(400, badCheckpoint.status());
        assertEquals("invalid-checkpoint", badCheckpoint.problemType());
        assertFalse(Http.toJson(badCheckpoint.json()).contains("Exception"));
    }

    @Test
    void aDeviceBelongsToOneWorker() {
        TestDevice d = device(kari);
        d.push(d.create("visit", UUID.randomUUID(), eirik.id(), Records.visit()));
        d.token = tenant.token(ola);
        var r = d.sync(List.of(), true);
        assertEquals(403, r.status());
        assertNotNull(r.json().get("detail"));
    }
}
