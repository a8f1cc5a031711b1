package no.tettpa.client;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app killed at each step of a sync, then restarted: the store is reopened from its file by a new client, as a
 * new process would. Nothing is lost and nothing is applied twice.
 */
class CrashResumeTest extends ServerTest {

    private List<UUID> recordThreeVisits(FieldClient d) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(d.recordVisit(eirik.id(), Fields.visit()));
        return ids;
    }

    private void assertAppliedOnce(List<UUID> ids) {
        for (UUID id : ids) assertEquals(1, versionsOf(id), "exactly one version of " + id);
    }

    @Test
    void killedRightAfterTheOutboxWrite() {
        FieldClient d = device("kari", kari);
        d.sync();
        List<UUID> ids = recordThreeVisits(d);
        d.close();

        FieldClient restarted = device("kari", kari);
        assertEquals(3, restarted.outbox().size());
        UUID fourth = restarted.recordVisit(eirik.id(), Fields.visit());
        assertEquals(4, restarted.outbox().get(3).seq(), "numbering goes on where it stopped");
        assertEquals(Map.of("applied", 4), restarted.sync().outcomes());
        ids.add(fourth);
        assertAppliedOnce(ids);
    }

    @Test
    void killedAfterTheRequestWasSentButBeforeTheAnswerWasApplied() {
        FaultyTransport net = new FaultyTransport(http()).then(FaultyTransport.Fault.NONE)
                .then(FaultyTransport.Fault.LOSE_ANSWER);
        FieldClient d = device("kari", kari, net);
        d.sync();
        List<UUID> ids = recordThreeVisits(d);
        d.update("person", eirik.id(), Map.of("phone", "+47 333 33 333"));
        String checkpoint = d.checkpoint().orElseThrow();
        assertThrows(SyncException.class, d::sync);
        d.close();

        FieldClient restarted = device("kari", kari);
        assertEquals(4, restarted.outbox().size(), "the server judged them, but the device never heard");
        assertEquals(checkpoint, restarted.checkpoint().orElseThrow());
        SyncResult result = restarted.sync();
        assertEquals(Map.of("applied", 4), result.outcomes(), "the replayed request gets the stored outcomes");
        assertAppliedOnce(ids);
        assertEquals(2, versionsOf(eirik.id()), "the phone change was applied once");
        assertEquals(2, count("SELECT count(*) FROM sync_request WHERE device_id = ? AND min_seq = 1", restarted.deviceId()),
                "both copies were received and kept");
        assertEquals("+47 333 33 333", restarted.record(eirik.id()).orElseThrow().fields().get("phone"));
    }

    @Test
    void killedHalfWayThroughApplyingAPage() {
        FieldClient writer = device("ola", ola);
        writer.sync();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) ids.add(writer.recordVisit(i % 2 == 0 ? eirik.id() : sara.id(), Fields.visit()));
        writer.sync();

        FaultyStore store = new FaultyStore(SqliteStore.open(dir.resolve("kari.db")));
        FieldClient d = device("kari", store, kari, http(), config().withBatching(500, 4));
        store.killAfterRecordWrites(3);
        assertThrows(FaultyStore.Killed.class, d::sync);
        assertTrue(d.checkpoint().isEmpty(), "nothing of the page was kept, not even its checkpoint");
        assertTrue(d.records(null, null).isEmpty());
        d.close();

        FieldClient restarted = device("kari", SqliteStore.open(dir.resolve("kari.db")), kari, http(),
                config().withBatching(500, 4));
        SyncResult result = restarted.sync();
        assertTrue(result.rounds() >= 2, "pages of four");
        for (UUID id : ids) assertEquals(1, restarted.record(id).orElseThrow().serverVersion());
        assertEquals(8, restarted.records(null, null).size(), "six visits and two persons");
    }

    @Test
    void killedBetweenPagesResumesFromTheLastStoredCheckpoint() {
        FieldClient writer = device("ola", ola);
        writer.sync();
        for (int i = 0; i < 6; i++) writer.recordVisit(eirik.id(), Fields.visit());
        writer.sync();

        FaultyTransport net = new FaultyTransport(http()).then(FaultyTransport.Fault.NONE)
                .then(FaultyTransport.Fault.REFUSE);
        FieldClient d = device("kari", SqliteStore.open(dir.resolve("kari.db")), kari, net, config().withBatching(500, 3));
        assertThrows(SyncException.class, d::sync);
        String afterFirstPage = d.checkpoint().orElseThrow();
        int held = d.records(null, null).size();
        assertTrue(held > 0 && held < 8);
        d.close();

        FieldClient restarted = device("kari", SqliteStore.open(dir.resolve("kari.db")), kari, http(),
                config().withBatching(500, 3));
        assertEquals(afterFirstPage, restarted.checkpoint().orElseThrow());
        restarted.sync();
        assertEquals(8, restarted.records(null, null).size());
        assertNotEquals(afterFirstPage, restarted.checkpoint().orElseThrow());
    }

    @Test
    void killedInTheMiddleOfALocalEditLeavesNoTrace() {
        FaultyStore store = new FaultyStore(SqliteStore.open(dir.resolve("kari.db")));
        FieldClient d = device("kari", store, kari, http(), config());
        d.sync();
        store.killAfterRecordWrites(0);
        assertThrows(FaultyStore.Killed.class, () -> d.recordVisit(eirik.id(), Fields.visit()));
        assertTrue(d.outbox().isEmpty(), "the outbox entry went with the failed transaction");
        d.recordVisit(eirik.id(), Fields.visit());
        assertEquals(1, d.outbox().get(0).seq(), "and its seq was not used up");
    }
}
