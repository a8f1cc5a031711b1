package no.tettpa.client;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person no longer shared with the device: purged at once, the purge reported, the worker's writes still pushed. */
class EvictionTest extends ServerTest {

    @Test
    void anEvictedPersonIsPurgedWithAReceiptAndOfflineWritesAboutThemAreStillPushed() {
        FieldClient o = device("ola", ola);
        o.sync();
        o.recordVisit(eirik.id(), Fields.visit());
        o.recordVisit(eirik.id(), Fields.visit());
        o.sync();

        FaultyTransport net = new FaultyTransport(http());
        FieldClient k = device("kari", kari, net);
        k.sync();
        assertEquals(3, k.records(null, eirik.id()).size(), "Eirik and his two visits");
        k.recordVisit(eirik.id(), Fields.with(Fields.visit(), "note", "Skrevet offline"));

        UUID otherTeam = tenant.team("Boveiledning", "boveiledning", false);
        sql("UPDATE person SET team_id = ? WHERE municipality_id = ? AND id = ?", otherTeam, tenant.id, eirik.id());
        net.duringRequest = () -> k.recordVisit(eirik.id(), Fields.with(Fields.visit(), "note", "Skrevet under synk"));
        k.sync();

        assertTrue(k.records(null, eirik.id()).isEmpty(), "nothing about Eirik is left");
        assertEquals(List.of(sara.id()), k.scopes().stream().map(PersonScope::personId).toList());
        assertEquals(1, k.records(null, sara.id()).size(), "Sara stays");
        assertTrue(k.outbox().isEmpty(), "the visit written during the sync was pushed too");
        List<AttentionItem> attention = k.needsAttention();
        assertEquals(2, attention.size());
        for (AttentionItem a : attention) {
            assertEquals("out_of_scope", a.code());
            assertTrue(a.contentPurged(), "a stub without content remains");
            assertNull(a.fields());
        }
        assertTrue(k.pendingReceipts().isEmpty(), "the receipt was sent in the next round trip");
        assertEquals(1, count("SELECT count(*) FROM eviction WHERE device_id = ? AND purged_at IS NOT NULL", k.deviceId()));
        assertEquals(4, count("SELECT records_purged FROM purge_receipt WHERE device_id = ? AND reason = 'evicted'",
                k.deviceId()), "Eirik, his two visits and the one written offline, as the device held them");
        assertEquals(2, count("SELECT count(*) FROM flagged_mutation WHERE device_id = ? AND reason = 'out_of_scope'",
                k.deviceId()), "the server kept both writes for the team leader");
    }
}
