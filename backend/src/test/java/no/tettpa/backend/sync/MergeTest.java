package no.tettpa.backend.sync;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.support.Db;
import no.tettpa.backend.support.NationalIds;
import no.tettpa.backend.support.Records;
import no.tettpa.backend.support.TestDevice;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every merge case through the real engine: two workers' devices edit the same records while apart. */
class MergeTest extends SyncTest {

    private static void pause() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long openConflicts() {
        return Db.count("SELECT count(*) FROM open_conflict WHERE municipality_id = ?", tenant.id);
    }

    private JsonNode conflict(UUID id) {
        var r = http().get("/api/v1/conflicts/" + id, tenant.token(leader));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void aFieldChangedOnOneSideOnlyMergesSilently() {
        TestDevice a = device(kari);
        TestDevice b = device(ola);
        only(a.push(a.update("person", eirik.id(), eirik.id(), 1, Map.of("phone", "900 00 001"))));
        JsonNode o = only(b.push(b.update("person", eirik.id(), eirik.id(), 1, Map.of("address", "Storgata 1"))));
        assertEquals("merged", status(o), "merged onto a version the device had not seen");
        assertNull(o.get("fields"), "no field was overwritten");
        assertEquals("900 00 001", o.get("record").get("fields").get("phone").getStringValue());
        assertEquals("Storgata 1", o.get("record").get("fields").get("address").getStringValue());
        assertEquals(0, Db.count("SELECT count(*) FROM record_version WHERE municipality_id = ? AND entity = 'conflict'", tenant.id));
    }

    @Test
    void theSameFieldOnBothSidesGoesToTheLaterClockAndTheLoserIsKept() {
        TestDevice a = device(kari);
        TestDevice b = device(ola);
        var early = a.update("person", eirik.id(), eirik.id(), 1, Map.of("phone", "111"));
        pause();
        var late = b.update("person", eirik.id(), eirik.id(), 1, Map.of("phone", "222"));
        assertEquals("applied", status(only(b.push(late))));
        JsonNode o = only(a.push(early));
        assertEquals("merged", status(o));
        JsonNode field = o.get("fields").get(0);
        assertEquals("phone", field.get("field").getStringValue());
        assertEquals("theirs_kept", field.get("resolution").getStringValue());
        assertEquals("222", field.get("theirValue").getStringValue());
        assertEquals(ola.id().toString(), field.get("theirAuthor").getStringValue(), "says who overwrote it");

        JsonNode c = conflict(UUID.fromString(field.get("conflictId").getStringValue()));
        assertEquals("auto_resolved", c.get("status").getStringValue());
        assertEquals("111", c.get("otherValue").getStringValue(), "Kari's value is kept in the conflict record");
        assertEquals(kari.id().toString(), c.get("otherBy").getStringValue());
        assertEquals(a.id.toString(), c.get("otherDevice").getStringValue());
        assertEquals(0, openConflicts(), "last writer wins needs no review");
    }

    @Test
    void longTextIsNeverOverwrittenByAMerge() {
        TestDevice a = device(kari);
        TestDevice b = device(ola);
        only(a.push(a.update("person", eirik.id(), eirik.id(), 1, Map.of("contactNotes", "Ring før besøk"))));
        JsonNode o = only(b.push(b.update("person", eirik.id(), eirik.id(), 1, Map.of("contactNotes", "Bruk bakdøra"))));
        assertEquals("conflict", status(o));
        assertEquals(1, o.get("conflictIds").size());
        assertEquals("Ring før besøk", o.get("record").get("fields").get("contactNotes").getStringValue());
        JsonNode c = conflict(UUID.fromString(o.get("conflictIds").get(0).getStringValue()));
        assertEquals("open", c.get("status").getStringValue());
        assertEquals("long_text", c.get("kind").getStringValue());
        assertEquals("Bruk bakdøra", c.get("otherValue").getStringValue());
        assertEquals(1, openConflicts());
    }

    @Test
    void aReviewFieldChangedOnBothSidesWaitsForAPerson() {
        TestDevice a = device(kari);
        TestDevice b = device(ola);
        only(a.push(a.update("person", eirik.id(), eirik.id(), 1, Map.of("nationalId", NationalIds.valid("010155")))));
        JsonNode o = only(b.push(b.update("person", eirik.id(), eirik.id(), 1, Map.of("nationalId", NationalIds.valid("020255")))));
        assertEquals("conflict", status(o));
        assertEquals("review", o.get("fields").get(0).get("resolution").getStringValue());
    }

    @Test
    void setsMergeAdditionsFromBothSides() {
        TestDevice a = device(kari);
        TestDevice b = device(ola);
        UUID agreement = UUID.randomUUID();
        var draft = Records.agreementDraft();
        only(a.push(a.create("agreement", agreement, eirik.id(), draft)));
        b.pullAll();
        @SuppressWarnings("unchecked")
        List<Object> goals = (List<Object>) draft.get("goals");
        Map<String, Object> g1 = Map.of("id", UUID.randomUUID().toString(), "text", "Betale husleie hver måned");
        Map<String, Object> g2 = Map.of("id", UUID.randomUUID().toString(), "text", "Komme i aktivitet");
        only(a.push(a.update("agreement", agreement, eirik.id(), 1, Map.of("goals", List.of(goals.get(0), g1)))));
        JsonNode o = only(b.push(b.update("agreement", agreement, eirik.id(), 1, Map.of("goals", List.of(goals.get(0), g2)))));
        assertEquals("merged", status(o));
        assertEquals("set_merged", o.get("fields").get(0).get("resolution").getStringValue());
        assertEquals(3, o.get("record").get("fields").get("goals").size());
    }

    @Test
    void aStatusStepThatNoLongerFitsIsAConflict() {
        TestDevice a = device(kari);
        TestDevice b = device(ola);
        UUID arrears = UUID.randomUUID();
        only(a.push(a.create("arrears_case", arrears, eirik.id(), Records.arrearsCase())));
        only(a.push(a.update("arrears_case", arrears, eirik.id(), 1, Map.of("status", "closed", "outcome", "paid"))));
        JsonNode backwards = only(a.push(a.update("arrears_case", arrears, eirik.id(), 2, Map.of("status", "open"))));
        assertEquals("invalid_transition", backwards.get("rejection").get("code").getStringValue(),
                "a step back on an unchanged record is simply invalid");

        UUID agreement = UUID.randomUUID();
        only(a.push(a.create("agreement", agreement, eirik.id(), Records.with(Records.agreementDraft(),
                "signatures", List.of(Records.signature())))));
        for (String step : List.of("active", "under_evaluation", "renewed")) {
            long base = Long.parseLong(Db.text("SELECT max(version)::text FROM record_version WHERE municipality_id = ? "
                    + "AND record_id = ?", tenant.id, agreement));
            assertEquals("applied", status(only(a.push(a.update("agreement", agreement, eirik.id(), base, Map.of("status", step))))));
        }
        JsonNode o = only(b.push(b.update("agreement", agreement, eirik.id(), 1, Map.of("status", "active"))));
        assertEquals("conflict", status(o), "activating an agreement that was renewed meanwhile needs a person");
        assertEquals("renewed", o.get("record").get("fields").get("status").getStringValue());
    }

    @Test
    void aDeleteAgainstAnEditKeepsTheRecordAndAsksForReview() {
        TestDevice a = device(kari);
        TestDevice b = device(ola);
        UUID arrears = UUID.randomUUID();
        only(a.push(a.create("arrears_case", arrears, eirik.id(), Records.arrearsCase())));
        only(a.push(a.update("arrears_case", arrears, eirik.id(), 1, Map.of("notes", "Utleier ringt"))));
        JsonNode o = only(b.push(b.delete("arrears_case", arrears, eirik.id(), 1)));
        assertEquals("conflict", status(o));
        assertEquals("false", Db.text("SELECT deleted::text FROM record_version WHERE municipality_id = ? AND record_id = ? "
                + "ORDER BY version DESC LIMIT 1", tenant.id, arrears));
        JsonNode c = conflict(UUID.fromString(o.get("conflictIds").get(0).getStringValue()));
        assertEquals("delete_edit", c.get("kind").getStringValue());
        assertEquals(ola.id().toString(), c.get("otherBy").getStringValue());
    }

    @Test
    void anEditAgainstADeleteBringsTheRecordBackWithTheEdit() {
        TestDevice a = device(kari);
        TestDevice b = device(ola);
        UUID arrears = UUID.randomUUID();
        only(a.push(a.create("arrears_case", arrears, eirik.id(), Records.arrearsCase())));
        only(a.push(a.delete("arrears_case", arrears, eirik.id(), 1)));
        JsonNode o = only(b.push(b.update("arrears_case", arrears, eirik.id(), 1, Map.of("monthsInArrears", 3))));
        assertEquals("conflict", status(o));
        JsonNode record = o.get("record");
        assertEquals(false, record.get("deleted").getBooleanValue());
        assertEquals(3, record.get("fields").get("monthsInArrears").getIntValue());
        assertEquals(3, record.get("version").getLongValue());
    }

    @Test
    void aSignedAgreementNeverChangesButItsLifecycleMovesOn() {
        TestDevice a = device(kari);
        UUID agreement = UUID.randomUUID();
        only(a.push(a.create("agreement", agreement, eirik.id(), Records.agreementDraft())));
        assertEquals("applied", status(only(a.push(a.update("agreement", agreement, eirik.id(), 1,
                Map.of("status", "active", "signatures", List.of(Records.signature())))))));
        JsonNode refused = only(a.push(a.update("agreement", agreement, eirik.id(), 2, Map.of("measures", "Nytt tiltak"))));
        assertEquals("locked", refused.get("rejection").get("code").getStringValue());
        assertTrue(refused.get("rejection").get("message").getStringValue().contains("make a new version"));
        assertEquals("locked", only(a.push(a.delete("agreement", agreement, eirik.id(), 2))).get("rejection").get("code")
                .getStringValue());
        assertEquals("applied", status(only(a.push(a.update("agreement", agreement, eirik.id(), 2,
                Map.of("status", "under_evaluation"))))));
    }

    @Test
    void aDevicesOwnEarlierEditIsNotAConflict() {
        TestDevice a = device(kari);
        only(a.push(a.update("person", eirik.id(), eirik.id(), 1, Map.of("phone", "111"))));
        JsonNode o = only(a.push(a.update("person", eirik.id(), eirik.id(), 1, Map.of("phone", "222"))));
        assertEquals("applied", status(o), "the device saw its own first edit");
        assertEquals(0, Db.count("SELECT count(*) FROM record_version WHERE municipality_id = ? AND entity = 'conflict'", tenant.id));
    }

    @Test
    void twoChangesOfOneRecordInOnePushBothBuildOnTheVersionTheDeviceHad() {
        TestDevice a = device(kari);
        JsonNode outcomes = a.push(
                a.update("person", eirik.id(), eirik.id(), 1, Map.of("contactNotes", "Første notat")),
                a.update("person", eirik.id(), eirik.id(), 1, Map.of("contactNotes", "Andre notat", "phone", "123")));
        assertEquals("applied", status(outcomes.get(0)));
        assertEquals("applied", status(outcomes.get(1)), "the second change is the device's own, not a conflict: " + outcomes);
        assertEquals(0, Db.count("SELECT count(*) FROM record_version WHERE municipality_id = ? AND entity = 'conflict'", tenant.id));
        assertEquals(3, outcomes.get(1).get("version").getLongValue());
    }

    @Test
    void conflictsReachTheDevicesOfTheirCategory() {
        TestDevice a = device(kari);
        TestDevice b = device(ola);
        only(a.push(a.update("person", eirik.id(), eirik.id(), 1, Map.of("contactNotes", "A"))));
        JsonNode o = only(b.push(b.update("person", eirik.id(), eirik.id(), 1, Map.of("contactNotes", "B"))));
        UUID conflictId = UUID.fromString(o.get("conflictIds").get(0).getStringValue());
        JsonNode c = change(a.pullAll(), conflictId);
        assertEquals("conflict", c.get("entity").getStringValue());
        assertEquals("B", c.get("fields").get("otherValue").getStringValue());
        assertNotNull(c.get("fields").get("keptHlc"));
    }
}
