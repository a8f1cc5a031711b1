package no.tettpa.client;

import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.TestDevice;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Server behaviour that contradicts PROTOCOL.md, shown with raw requests (no SDK logic in between). These fail
 * until the server is fixed; they are tagged {@code server-bug} and left out of the default build
 * ({@code mvn test -Dgroups=server-bug} runs them). The SDK works around each one; see its notes.
 */
@Tag("server-bug")
class ServerBugsTest extends ServerTest {

    private TestDevice rawDevice() {
        return new TestDevice(new Http(server.uri), tenant.token(kari));
    }

    /**
     * Two updates of one record in one request, both made against the version the device held (v1). The second is
     * judged after the first wrote v2 in the same batch; its base (v1) was current when the batch started, so the
     * server's base lookup ({@code PushProcessor.olderBases}) skips it, and the in-batch current (v2) is not it
     * either: the merge runs with an unknown base. Only this device ever touched the record, yet the long-text field
     * of the second update becomes an open conflict and is not applied.
     */
    @Test
    void aSecondUpdateOfARecordInOneRequestIsMergedAgainstAnUnknownBase() {
        TestDevice d = rawDevice();
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
    void aRecordCreatedAndUpdatedTwiceInOneRequestIsReportedMerged() {
        TestDevice d = rawDevice();
        UUID agreement = UUID.randomUUID();
        JsonNode outcomes = d.push(
                d.create("agreement", agreement, eirik.id(), Fields.agreementDraft()),
                d.update("agreement", agreement, eirik.id(), 1, Map.of("evaluationDate", "2027-01-01")),
                d.update("agreement", agreement, eirik.id(), 1, Map.of("measures", "Ukentlige besøk")));
        assertEquals("applied", outcomes.get(2).get("status").getStringValue(), Http.toJson(outcomes));
    }

    private TestDevice rawDevice(no.tettpa.backend.org.Staff who) {
        return new TestDevice(new Http(server.uri), tenant.token(who));
    }

    private static boolean inConflictHistory(List<JsonNode> changes, Object value) {
        for (JsonNode c : changes) {
            if (!"conflict".equals(c.get("entity").getStringValue()) || c.get("fields") == null) continue;
            JsonNode f = c.get("fields");
            for (String side : List.of("keptValue", "otherValue")) {
                if (f.get(side) != null && Http.toJson(f.get(side)).equals(Http.toJson(value))) return true;
            }
        }
        return false;
    }

    private static JsonNode latest(List<JsonNode> changes, UUID id) {
        JsonNode found = null;
        for (JsonNode c : changes) if (c.get("id").getStringValue().equals(id.toString())) found = c;
        return found;
    }

    /**
     * A conflict is resolved ("other") after someone wrote a newer value to the same field. The resolver writes the
     * other value over it without looking: the newer value is neither current nor in any conflict record, which
     * breaks PROTOCOL.md § 6.3 ("every value any device ever wrote is either current or in the conflict history").
     * {@code ConflictResolver.applyValue} should merge the resolution against the field's value when the conflict was
     * made (or refuse / re-open it) instead of overwriting.
     */
    @Test
    void aResolutionOverwritesAValueWrittenAfterTheConflictWithoutATrace() {
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

    /**
     * A set-valued field: Ola changes a goal's text; Kari, who has not seen that, adds a goal (merged: Ola's text
     * kept) and then, still without having seen it, adds another. The merged value of the first was stored with
     * Kari's stamp, so the server takes it as Kari's own earlier write ({@code Merger.ownWrite}), i.e. as her base for
     * the second: her stale copy of Ola's goal counts as her change and silently replaces Ola's text. No conflict
     * record holds it. A merged set value is not something the device saw; it must not carry the device's stamp as
     * if it were (or the base of the field must stay the mutation's baseVersion).
     */
    @Test
    void aMergedSetValueCountsAsTheDevicesOwnAndLetsItsStaleCopyOverwriteAnotherWorkersChange() {
        TestDevice k = rawDevice(kari);
        TestDevice o = rawDevice(ola);
        UUID agreement = UUID.randomUUID();
        Map<String, Object> goal = Map.of("id", UUID.randomUUID().toString(), "text", "Beholde leiligheten");
        Map<String, Object> draft = Fields.with(Fields.agreementDraft(), "goals", List.of(goal));
        k.push(k.create("agreement", agreement, eirik.id(), draft));
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
}
