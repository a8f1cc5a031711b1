package no.tettpa.client;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A revoked device deletes everything it holds, reports the wipe once, and never syncs again. */
class WipeTest extends ServerTest {

    private FieldClient deviceWithData(FaultyTransport net) {
        FieldClient d = device("kari", kari, net);
        d.sync();
        d.recordVisit(eirik.id(), Fields.visit());
        d.sync();
        d.update("person", sara.id(), Map.of("phone", "+47 444 44 444"));
        return d;
    }

    private void assertWiped(FieldClient d) {
        assertEquals("revoked", d.status().state());
        assertTrue(d.records(null, null).isEmpty());
        assertTrue(d.outbox().isEmpty());
        assertTrue(d.needsAttention().isEmpty());
        assertTrue(d.scopes().isEmpty());
        assertTrue(d.checkpoint().isEmpty());
        assertTrue(d.pendingReceipts().isEmpty(), "the wipe was reported");
        assertEquals(2, count("SELECT count(*) FROM purge_receipt WHERE device_id = ? AND reason = 'wiped'", d.deviceId()),
                "one wiped receipt per person the device held");
    }

    @Test
    void aWipeInTheAnswerDeletesEverythingAndTheDeviceStopsForGood() {
        FaultyTransport net = new FaultyTransport(http());
        FieldClient d = deviceWithData(net);
        sql("UPDATE device SET status = 'revoked' WHERE id = ?", d.deviceId());

        SyncException e = assertThrows(SyncException.class, d::sync);
        assertEquals(SyncException.Kind.DEVICE_REVOKED, e.kind());
        assertWiped(d);
        assertEquals(1, count("SELECT count(*) FROM flagged_mutation WHERE device_id = ? AND reason = 'device_revoked'",
                d.deviceId()), "what it pushed in that request was stored and flagged, not applied");

        int requests = net.bodies.size();
        assertEquals(SyncException.Kind.DEVICE_REVOKED, assertThrows(SyncException.class, d::sync).kind());
        assertEquals(requests, net.bodies.size(), "a wiped device sends nothing more");
        assertEquals("device_revoked", assertThrows(LocalValidationException.class,
                () -> d.recordVisit(eirik.id(), Fields.visit())).code());
    }

    @Test
    void aLostWipeAnswerIsMadeGoodByTheRefusalThatFollows() {
        FaultyTransport net = new FaultyTransport(http());
        FieldClient d = deviceWithData(net);
        sql("UPDATE device SET status = 'revoked' WHERE id = ?", d.deviceId());
        net.then(FaultyTransport.Fault.LOSE_ANSWER);
        assertEquals(SyncException.Kind.NETWORK, assertThrows(SyncException.class, d::sync).kind());
        assertEquals(1, d.outbox().size(), "nothing is wiped on a lost answer");

        assertEquals(SyncException.Kind.DEVICE_REVOKED, assertThrows(SyncException.class, d::sync).kind(),
                "the next request is refused with device-revoked");
        assertWiped(d);
    }
}
