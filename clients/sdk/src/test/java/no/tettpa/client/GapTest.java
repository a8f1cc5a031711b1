package no.tettpa.client;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A gap in the sequence the server receives: resent from the seq it expects, never guessed over. */
class GapTest extends ServerTest {

    @Test
    void aMutationLostOnTheWayIsResentFromTheExpectedSeq() {
        FaultyTransport net = new FaultyTransport(http()).then(FaultyTransport.Fault.NONE)
                .then(FaultyTransport.Fault.DROP_FIRST_MUTATION);
        FieldClient d = device("kari", kari, net);
        d.sync();
        List<UUID> ids = List.of(d.recordVisit(eirik.id(), Fields.visit()), d.recordVisit(eirik.id(), Fields.visit()),
                d.recordVisit(sara.id(), Fields.visit()));
        SyncResult result = d.sync();
        assertEquals(Map.of("applied", 3), result.outcomes());
        assertTrue(net.bodies.get(1).contains("\"seq\":2") && !net.bodies.get(1).contains("\"seq\":1,"),
                "the server saw 2 and 3 without 1");
        assertTrue(net.bodies.get(2).contains("\"seq\":1,"), "so the device sent again from 1");
        for (UUID id : ids) assertEquals(1, versionsOf(id));
        assertTrue(d.outbox().isEmpty());
    }

    @Test
    void whenTheServerExpectsMutationsTheDeviceNoLongerHasPushingStopsAndTheWorkerIsTold() {
        FieldClient d = device("kari", kari);
        d.sync();
        d.recordVisit(eirik.id(), Fields.visit());
        d.recordVisit(eirik.id(), Fields.visit());
        d.recordVisit(eirik.id(), Fields.visit());
        d.sync();
        // The server's database is restored from a backup taken after seq 1: it forgot that it judged 2 and 3.
        sql("UPDATE device SET last_seq = 1 WHERE municipality_id = ? AND id = ?", tenant.id, d.deviceId());
        UUID fourth = d.recordVisit(eirik.id(), Fields.visit());
        d.sync();

        assertTrue(d.status().pushBlocked());
        AttentionItem gap = d.needsAttention().get(0);
        assertEquals("gap", gap.kind());
        assertEquals(2L, gap.seq());
        assertEquals(List.of(4L), d.outbox().stream().map(OutboxEntry::seq).toList(), "nothing is dropped");
        assertEquals(0, versionsOf(fourth), "nothing is applied out of order");

        FieldClient other = device("ola", ola);
        other.sync();
        UUID news = other.recordVisit(sara.id(), Fields.visit());
        other.sync();
        d.sync();
        assertTrue(d.record(news).isPresent(), "pulling goes on");
    }
}
