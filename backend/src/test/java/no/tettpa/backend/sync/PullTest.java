package no.tettpa.backend.sync;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.support.Db;
import no.tettpa.backend.support.Records;
import no.tettpa.backend.support.TestDevice;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pulls: per-person scopes, backfill and eviction, tombstones, bounded pages, and the safe horizon. */
class PullTest extends SyncTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("tettpa.sync.page-max-changes", "5");
    }

    private static Set<String> ids(List<JsonNode> changes) {
        Set<String> out = new HashSet<>();
        changes.forEach(c -> out.add(c.get("id").getStringValue()));
        return out;
    }

    @Test
    void aFirstSyncPagesThroughTheWholeCaseloadAndAnEmptyPullStaysEmpty() {
        TestDevice writer = device(kari);
        List<Map<String, Object>> ms = new ArrayList<>();
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            UUID id = UUID.randomUUID();
            written.add(id.toString());
            ms.add(writer.create("visit", id, i % 2 == 0 ? eirik.id() : sara.id(), Records.visit()));
        }
        writer.push(ms.toArray(Map[]::new));

        TestDevice fresh = device(ola);
        int pages = 0;
        List<JsonNode> changes = new ArrayList<>();
        while (true) {
            var r = fresh.sync(List.of(), true);
            assertEquals(200, r.status(), r.body());
            JsonNode page = r.json().get("pull");
            TestDevice.array(page, "changes").forEach(changes::add);
            pages++;
            assertTrue(page.get("changes") == null || page.get("changes").size() <= 5, "a page is bounded");
            if (!page.get("more").getBooleanValue()) break;
        }
        assertTrue(pages >= 3, "12 visits and 2 persons in pages of 5 take at least 3 pages, took " + pages);
        assertTrue(ids(changes).containsAll(written));
        assertTrue(ids(changes).containsAll(Set.of(eirik.id().toString(), sara.id().toString())));

        var empty = fresh.sync(List.of(), true).json().get("pull");
        assertFalse(empty.get("more").getBooleanValue());
        assertFalse(empty.get("changes") != null && empty.get("changes").size() > 0, "nothing new, nothing sent");
    }

    @Test
    void aPersonWhoBecomesVisibleIsSentFromTheBeginningAndOneWhoLeavesIsEvicted() throws Exception {
        var otherTeam = tenant.team("Boveiledning", "boveiledning", false);
        var tor = tenant.person("Tor", otherTeam, null);
        var outsider = tenant.staff("Outsider", "field-worker", otherTeam);
        TestDevice there = new TestDevice(http(), tenant.token(outsider));
        UUID visit = UUID.randomUUID();
        there.push(there.create("visit", visit, tor.id(), Records.visit()));

        TestDevice d = device(kari);
        Set<String> before = ids(d.pullAll());
        assertFalse(before.contains(tor.id().toString()));

        try (Connection c = Db.connect(); var ps = c.prepareStatement(
                "UPDATE person SET team_id = ? WHERE municipality_id = ? AND id = ?")) {
            ps.setObject(1, tenant.teamId);
            ps.setObject(2, tenant.id);
            ps.setObject(3, tor.id());
            ps.executeUpdate();
            ps.setObject(1, otherTeam);
            ps.setObject(3, eirik.id());
            ps.executeUpdate();
        }
        List<JsonNode> evictions = new ArrayList<>();
        var r = d.sync(List.of(), true);
        JsonNode page = r.json().get("pull");
        TestDevice.array(page, "evictions").forEach(evictions::add);
        Set<String> after = new HashSet<>();
        TestDevice.array(page, "changes").forEach(c -> after.add(c.get("id").getStringValue()));
        after.addAll(ids(d.pullAll(evictions)));
        assertTrue(after.containsAll(Set.of(tor.id().toString(), visit.toString())), "Tor's history arrives from the start");
        assertEquals(1, evictions.size());
        assertEquals(eirik.id().toString(), evictions.get(0).get("personId").getStringValue());
        boolean scopeAnnounced = false;
        for (JsonNode s : TestDevice.array(page, "scopes")) {
            scopeAnnounced |= s.get("personId").getStringValue().equals(tor.id().toString())
                    && s.get("basis").getStringValue().equals("caseload");
        }
        assertTrue(scopeAnnounced, "the device is told about its new person and on what basis");

        String evictionId = evictions.get(0).get("evictionId").getStringValue();
        var receipt = d.send(Map.of("protocolVersion", 1, "schemaVersion", 2, "deviceId", d.id.toString(),
                "purgeReceipts", List.of(Map.of("evictionId", evictionId, "personId", eirik.id().toString(),
                        "categories", List.of("core", "visits"), "reason", "evicted", "purgedAt", "2026-11-23T10:00:00Z",
                        "recordsPurged", 3))));
        assertEquals(200, receipt.status(), receipt.body());
        assertEquals(1, Db.count("SELECT count(*) FROM eviction WHERE municipality_id = ? AND purged_at IS NOT NULL", tenant.id));
        assertEquals(1, Db.count("SELECT count(*) FROM purge_receipt WHERE municipality_id = ? AND person_id = ?",
                tenant.id, eirik.id()));
    }

    @Test
    void deletesTravelAsTombstones() {
        TestDevice a = device(kari);
        UUID arrears = UUID.randomUUID();
        a.push(a.create("arrears_case", arrears, eirik.id(), Records.arrearsCase()));
        TestDevice b = device(ola);
        assertFalse(change(b.pullAll(), arrears).get("deleted").getBooleanValue());
        a.push(a.delete("arrears_case", arrears, eirik.id(), 1));
        JsonNode tomb = change(b.pullAll(), arrears);
        assertTrue(tomb.get("deleted").getBooleanValue());
        assertEquals(2, tomb.get("version").getLongValue());
        assertEquals(null, tomb.get("fields"));
    }

    /**
     * Two writers: the first begins earlier and commits later. While it is open, a device pulls and receives the
     * second writer's change at most up to the safe horizon; after the first commits, the next pull delivers it.
     * A cursor based on commit time or a plain sequence would skip the first writer's change.
     */
    @Test
    void aChangeCommittedLateByAnEarlierTransactionIsNeverSkipped() throws Exception {
        TestDevice d = device(kari);
        d.pullAll();
        UUID slow = UUID.randomUUID();
        UUID fast = UUID.randomUUID();
        try (Connection early = Db.connect()) {
            early.setAutoCommit(false);
            insertVisit(early, slow);
            TestDevice writer = device(ola);
            writer.push(writer.create("visit", fast, eirik.id(), Records.visit()));

            Set<String> whileOpen = ids(d.pullAll());
            assertFalse(whileOpen.contains(slow.toString()), "uncommitted work is invisible");
            assertFalse(whileOpen.contains(fast.toString()),
                    "a later transaction's change waits behind the open earlier one (the safe horizon)");
            early.commit();
        }
        Set<String> afterCommit = ids(d.pullAll());
        assertTrue(afterCommit.contains(slow.toString()), "the late commit of the earlier transaction is delivered");
        assertTrue(afterCommit.contains(fast.toString()));
    }

    private void insertVisit(Connection c, UUID id) throws Exception {
        try (var ps = c.prepareStatement("INSERT INTO record_version (municipality_id, record_id, version, person_id, "
                + "entity, category, body, stamps) VALUES (?, ?, 1, ?, 'visit', 1, '{\"durationMinutes\": 30}', '[]')")) {
            ps.setObject(1, tenant.id);
            ps.setObject(2, id);
            ps.setObject(3, eirik.id());
            ps.executeUpdate();
        }
    }

    @Test
    void aPageEndsAtATransactionBoundaryUnlessOneTransactionIsLargerThanAPage() {
        TestDevice writer = device(kari);
        for (int t = 0; t < 3; t++) {
            writer.push(writer.create("visit", UUID.randomUUID(), eirik.id(), Records.visit()),
                    writer.create("visit", UUID.randomUUID(), eirik.id(), Records.visit()),
                    writer.create("visit", UUID.randomUUID(), eirik.id(), Records.visit()));
        }
        List<Map<String, Object>> big = new ArrayList<>();
        for (int i = 0; i < 7; i++) big.add(writer.create("visit", UUID.randomUUID(), sara.id(), Records.visit()));
        writer.push(big.toArray(Map[]::new));

        TestDevice d = device(ola);
        List<Integer> visitsPerPage = new ArrayList<>();
        int total = 0;
        while (true) {
            JsonNode page = d.sync(List.of(), true).json().get("pull");
            int visits = 0;
            for (JsonNode c : TestDevice.array(page, "changes")) {
                if (c.get("entity").getStringValue().equals("visit")
                        && c.get("personId").getStringValue().equals(eirik.id().toString())) visits++;
                total += c.get("entity").getStringValue().equals("visit") ? 1 : 0;
                assertTrue(page.get("changes").size() <= 5, "pages are bounded");
            }
            visitsPerPage.add(visits);
            if (!page.get("more").getBooleanValue()) break;
        }
        for (int v : visitsPerPage) assertEquals(0, v % 3, "Eirik's three-visit transactions arrive whole: " + visitsPerPage);
        assertEquals(16, total, "Sara's seven-visit transaction is split, but nothing is lost");
    }
}
