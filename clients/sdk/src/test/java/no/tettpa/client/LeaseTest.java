package no.tettpa.client;

import no.tettpa.backend.persons.Person;
import no.tettpa.sync.wire.Change;
import no.tettpa.sync.wire.PullPage;
import no.tettpa.sync.wire.SyncResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Partner data past its lease: the device purges it by itself, reports {@code lease_expired} and pulls afresh.
 * The server does not yet share anyone by consent (only caseload scopes exist), so the consent-shared person
 * arrives in one scripted answer; everything after it is the real server.
 */
class LeaseTest extends ServerTest {

    private static SyncResponse consentPage(Person tor, UUID visit, Instant now) {
        var scope = new PullPage.Scope(tor.id(), List.of("core", "visits"), "consent", now.plus(Duration.ofDays(30)).toString());
        var person = new Change("person", tor.id(), tor.id(), 1, false, Map.of("displayName", "Tor"));
        var visitChange = new Change("visit", visit, tor.id(), 1, false, Fields.visit());
        var page = new PullPage(List.of(person, visitChange), List.of(), List.of(scope), null, false);
        return new SyncResponse(1, "0000000000000001-00000-srv", now.toString(),
                new SyncResponse.DeviceState("active", false), List.of(), null, page,
                new SyncResponse.Lease(now.plus(Duration.ofHours(72)).toString(), 72 * 3600), null);
    }

    @Test
    void partnerDataPastTheLeaseIsPurgedByTheDeviceAndReported() {
        UUID partnerTeam = tenant.partnerTeamId;
        Person tor = tenant.person("Tor", partnerTeam, null);
        UUID visit = UUID.randomUUID();
        AtomicLong offset = new AtomicLong();
        ScriptedTransport net = new ScriptedTransport(http()).answer(consentPage(tor, visit, Instant.now()));
        FieldClient d = device("kari", SqliteStore.open(dir.resolve("kari.db")), kari, net,
                config().withWallClock(() -> System.currentTimeMillis() + offset.get()));
        d.sync();
        assertTrue(d.record(visit).isPresent(), "shared by consent");
        d.sync();
        assertEquals(3, d.scopes().size(), "Tor by consent, Eirik and Sara on the caseload");
        int caseloadRecords = d.records(null, eirik.id()).size() + d.records(null, sara.id()).size();

        offset.set(Duration.ofHours(71).toMillis());
        assertTrue(d.record(visit).isPresent(), "within the lease");
        offset.set(Duration.ofHours(73).toMillis());
        assertFalse(d.record(visit).isPresent(), "past the lease, reading purges first");
        assertTrue(d.records(null, tor.id()).isEmpty());
        assertEquals(caseloadRecords, d.records(null, eirik.id()).size() + d.records(null, sara.id()).size(),
                "caseload data is not partner data");
        PendingReceipt receipt = d.pendingReceipts().get(0);
        assertEquals("lease_expired", receipt.reason());
        assertEquals(2, receipt.recordsPurged());
        assertTrue(d.checkpoint().isEmpty(), "the next pull starts afresh");

        d.sync();
        String request = net.bodies.get(net.bodies.size() - 1).contains("lease_expired")
                ? net.bodies.get(net.bodies.size() - 1) : net.bodies.get(2);
        assertTrue(request.contains("\"reason\":\"lease_expired\"") && !request.contains("\"checkpoint\":\""), request);
        assertEquals(1, count("SELECT count(*) FROM purge_receipt WHERE device_id = ? AND reason = 'lease_expired' "
                + "AND person_id = ? AND records_purged = 2", d.deviceId(), tor.id()));
        assertTrue(d.pendingReceipts().isEmpty());
        assertEquals(2, d.scopes().size());
    }
}
