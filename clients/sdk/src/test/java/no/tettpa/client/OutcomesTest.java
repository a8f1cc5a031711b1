package no.tettpa.client;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every outcome status, applied to the device's store as PROTOCOL.md § 10 says. */
class OutcomesTest extends ServerTest {

    @Test
    void aMergedOutcomeReplacesTheRecordAndKeepsLaterPendingEditsOnTop() {
        FaultyTransport net = new FaultyTransport(http());
        FieldClient k = device("kari", kari, net);
        FieldClient o = device("ola", ola);
        k.sync();
        o.sync();
        o.update("person", eirik.id(), Map.of("address", "Storgata 1"));
        o.sync();

        k.update("person", eirik.id(), Map.of("phone", "+47 222 22 222"));
        net.duringRequest = () -> k.update("person", eirik.id(), Map.of("email", "eirik@example.no"));
        net.then(FaultyTransport.Fault.NONE).then(FaultyTransport.Fault.REFUSE);
        assertThrows(SyncException.class, k::sync, "the second round trip is refused");

        LocalRecord r = k.record(eirik.id()).orElseThrow();
        assertEquals(3, r.serverVersion(), "replaced by the merged record the outcome carried");
        assertEquals("Storgata 1", r.serverFields().get("address"), "the other worker's change arrived with it");
        assertEquals("+47 222 22 222", r.serverFields().get("phone"));
        assertNull(r.serverFields().get("email"), "the later edit is not on the server yet");
        assertEquals("eirik@example.no", r.fields().get("email"), "but it stays on top in the view");
        assertTrue(r.pending());

        SyncResult again = k.sync();
        assertEquals(Map.of("merged", 1), again.outcomes(),
                "the later edit was made before the device saw the other worker's address, so it is merged too");
        LocalRecord done = k.record(eirik.id()).orElseThrow();
        assertEquals(4, done.serverVersion());
        assertEquals(Map.of("address", "Storgata 1", "phone", "+47 222 22 222", "email", "eirik@example.no"),
                Map.of("address", done.fields().get("address"), "phone", done.fields().get("phone"),
                        "email", done.fields().get("email")));
        assertFalse(done.pending());
    }

    @Test
    void aConflictOutcomeKeepsTheServersValueShownAndTheConflictArrivesInTheInboxToBeResolved() {
        FieldClient k = device("kari", kari);
        FieldClient o = device("ola", ola);
        k.sync();
        o.sync();
        o.update("person", eirik.id(), Map.of("contactNotes", "Ring før besøk"));
        o.sync();
        k.update("person", eirik.id(), Map.of("contactNotes", "Treffes best om morgenen"));
        SyncResult result = k.sync();
        assertEquals(Map.of("conflict", 1), result.outcomes());
        assertEquals("Ring før besøk", k.record(eirik.id()).orElseThrow().fields().get("contactNotes"),
                "a note is never overwritten by a merge");

        List<LocalRecord> inbox = k.conflicts();
        assertEquals(1, inbox.size());
        LocalRecord conflict = inbox.get(0);
        assertEquals("open", conflict.fields().get("status"));
        assertEquals("Ring før besøk", conflict.fields().get("keptValue"));
        assertEquals("Treffes best om morgenen", conflict.fields().get("otherValue"));

        k.resolveConflict(conflict.id(), "other", null, "min er nyere");
        assertEquals(Map.of("applied", 1), k.sync().outcomes());
        assertEquals("Treffes best om morgenen", k.record(eirik.id()).orElseThrow().fields().get("contactNotes"));
        assertEquals("resolved", k.record(conflict.id()).orElseThrow().fields().get("status"));
        o.sync();
        assertEquals("Treffes best om morgenen", o.record(eirik.id()).orElseThrow().fields().get("contactNotes"));
    }

    @Test
    void aRejectedMutationMovesToTheAttentionListWithItsReasonUntilDismissed() {
        FieldClient k = device("kari", kari);
        FieldClient o = device("ola", ola);
        k.sync();
        UUID agreement = k.create("agreement", eirik.id(), Fields.agreementDraft());
        k.sync();
        o.sync();
        o.changeAgreement(agreement, Map.of("signatures", List.of(Fields.signature()), "status", "active"));
        o.sync();

        k.changeAgreement(agreement, Map.of("responsibilities", "Kari ringer NAV hver uke"));
        assertEquals(Map.of("rejected", 1), k.sync().outcomes());
        List<AttentionItem> attention = k.needsAttention();
        assertEquals(1, attention.size());
        AttentionItem item = attention.get(0);
        assertEquals("locked", item.code());
        assertEquals("responsibilities", item.field());
        assertEquals("Kari ringer NAV hver uke", item.fields().get("responsibilities"), "what the worker wrote is kept");
        assertFalse(item.contentPurged());
        LocalRecord shown = k.record(agreement).orElseThrow();
        assertEquals("active", shown.fields().get("status"), "the view is the server's: the agreement was signed");
        assertEquals("Kari følger opp NAV", shown.fields().get("responsibilities"));

        k.sync();
        assertEquals(1, k.needsAttention().size(), "never dropped by syncing");
        k.dismiss(item.id());
        assertTrue(k.needsAttention().isEmpty());
    }

    @Test
    void laterChangesOfAListMadeBeforeSeeingAMergeKeepAnotherWorkersChange() {
        FieldClient k = device("kari", kari);
        FieldClient o = device("ola", ola);
        k.sync();
        o.sync();
        Map<String, Object> goal = Fields.goal("Beholde leiligheten");
        UUID agreement = k.create("agreement", eirik.id(), Fields.with(Fields.agreementDraft(), "goals", List.of(goal)));
        k.sync();
        o.sync();
        o.changeAgreement(agreement, Map.of("goals", List.of(Fields.with(goal, "text", "Beholde leiligheten i Storgata"))));
        o.sync();

        List<Object> goals = new java.util.ArrayList<>(List.of(goal));
        goals.add(Fields.goal("Betale husleia"));
        k.changeAgreement(agreement, Map.of("goals", goals));
        goals.add(Fields.goal("Møte på NAV"));
        k.changeAgreement(agreement, Map.of("goals", goals));
        k.sync();
        o.sync();

        for (FieldClient d : List.of(k, o)) {
            List<?> now = (List<?>) d.record(agreement).orElseThrow().fields().get("goals");
            assertEquals(3, now.size(), "both of Kari's goals arrived");
            assertTrue(now.stream().anyMatch(g -> "Beholde leiligheten i Storgata".equals(((Map<?, ?>) g).get("text"))),
                    "Ola's change of the first goal survived Kari's stale copy: " + now);
        }
    }
}
