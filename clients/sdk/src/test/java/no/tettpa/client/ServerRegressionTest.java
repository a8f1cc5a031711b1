package no.tettpa.client;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.TestDevice;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Server behaviour the SDK relies on, shown with raw requests. Each was a server bug these tests found (and the
 * SDK worked around) until the server fixed it; they stay as regressions, since the SDK no longer works around them.
 */
class ServerRegressionTest extends ServerTest {

    /** Two updates of one record in one request, both against the version the device held: both applied as sent. */
    @Test
    void severalChangesOfARecordInOneRequestAreJudgedAgainstTheVersionTheDeviceHad() {
        TestDevice d = rawDevice(kari);
        JsonNode outcomes = d.push(
                d.update("person", eirik.id(), eirik.id(), 1, Map.of("phone", "+47 111 11 111")),
                d.update("person", eirik.id(), eirik.id(), 1, Map.of("contactNotes", "Ring før besøk")));
        List<String> statuses = List.of(outcomes.get(0).get("status").getStringValue(),
                outcomes.get(1).get("status").getStringValue());
        assertEquals(List.of("applied", "applied"), statuses,
                "nobody else changed the record, so both are applied as sent: " + Http.toJson(outcomes));
    }

    /** The same with a record created in the request: create, update, update. */
    @Test
    void aRecordCreatedAndUpdatedTwiceInOneRequestIsAppliedAsSent() {
        TestDevice d = rawDevice(kari);
        UUID agreement = UUID.randomUUID();
        JsonNode outcomes = d.push(
                d.create("agreement", agreement, eirik.id(), Fields.agreementDraft()),
                d.update("agreement", agreement, eirik.id(), 1, Map.of("evaluationDate", "2027-01-01")),
                d.update("agreement", agreement, eirik.id(), 1, Map.of("measures", "Ukentlige besøk")));
        assertEquals("applied", outcomes.get(2).get("status").getStringValue(), Http.toJson(outcomes));
    }

    /**
     * A set-valued field: Ola changes a goal's text; Kari, who has not seen that, adds a goal (merged: Ola's text
     * kept) and then, still without having seen it, adds another. Her stale copy of Ola's goal must not count as
     * her change (the server once stamped the merged list as hers and took it as her own earlier write).
     */
    @Test
    void aMergedListIsNotTakenAsTheDevicesOwnSoItsStaleCopyCannotOverwriteAnotherWorkersChange() {
        TestDevice k = rawDevice(kari);
        TestDevice o = rawDevice(ola);
        UUID agreement = UUID.randomUUID();
        Map<String, Object> goal = Map.of("id", UUID.randomUUID().toString(), "text", "Beholde leiligheten");
        k.push(k.create("agreement", agreement, eirik.id(), Fields.with(Fields.agreementDraft(), "goals", List.of(goal))));
        Map<String, Object> olasGoal = Fields.with(goal, "text", "Beholde leiligheten i Storgata");
        o.push(o.update("agreement", agreement, eirik.id(), 1, Map.of("goals", List.of(olasGoal))));

        Map<String, Object> second = Fields.goal("Betale husleia");
        JsonNode merged = k.push(k.update("agreement", agreement, eirik.id(), 1, Map.of("goals", List.of(goal, second)))).get(0);
        assertEquals("merged", merged.get("status").getStringValue());
        Map<String, Object> third = Fields.goal("Møte på NAV");
        k.push(k.update("agreement", agreement, eirik.id(), 1, Map.of("goals", List.of(goal, second, third))));

        List<JsonNode> changes = rawDevice(leader).pullAll();
        String text = null;
        for (JsonNode g : latest(changes, agreement).get("fields").get("goals").values()) {
            if (g.get("id").getStringValue().equals(goal.get("id"))) text = g.get("text").getStringValue();
        }
        boolean kept = "Beholde leiligheten i Storgata".equals(text) || inConflictHistory(changes, olasGoal);
        assertEquals(true, kept, "Ola's goal text was replaced by Kari's stale copy ('" + text + "') without a conflict");
    }

    /**
     * A conflict is resolved ("other") after someone wrote a newer value to the same field. The resolution is applied,
     * and the newer value, which its maker did not see, goes into a new open conflict: it stays in the conflict
     * history (PROTOCOL.md § 6.3). Found by the simulator's ledger under load.
     */
    @Test
    void aResolutionKeepsAValueWrittenAfterTheConflictInANewConflict() {
        TestDevice k = rawDevice(kari);
        TestDevice o = rawDevice(ola);
        k.push(k.update("person", eirik.id(), eirik.id(), 1, Map.of("contactNotes", "A")));
        JsonNode conflict = o.push(o.update("person", eirik.id(), eirik.id(), 1, Map.of("contactNotes", "B"))).get(0);
        UUID conflictId = UUID.fromString(conflict.get("conflictIds").get(0).getStringValue());
        k.push(k.update("person", eirik.id(), eirik.id(), 2, Map.of("contactNotes", "C")));
        JsonNode resolved = o.push(o.update("conflict", conflictId, eirik.id(), 1,
                Map.of("resolution", Map.of("choice", "other")))).get(0);
        assertEquals("applied", resolved.get("status").getStringValue());

        List<JsonNode> changes = rawDevice(leader).pullAll();
        String notes = latest(changes, eirik.id()).get("fields").get("contactNotes").getStringValue();
        boolean kept = "C".equals(notes) || inConflictHistory(changes, "C");
        assertEquals(true, kept, "the notes are now '" + notes + "' and 'C' is in no conflict record");
    }
}
