package no.tettpa.backend.access;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.org.Staff;
import no.tettpa.backend.persons.Person;
import no.tettpa.backend.support.ApiTest;
import no.tettpa.backend.support.Db;
import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.Records;
import no.tettpa.backend.support.TestDevice;
import no.tettpa.backend.support.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consent-scoped sharing with a partner team, withdrawal reaching an offline partner device, device revocation. */
class ConsentAndDevicesTest extends ApiTest {
    TestTenants.Tenant tenant;
    Staff kari;
    Staff leader;
    Staff per;
    Person eirik;
    UUID visit;
    UUID healthNote;
    UUID agreement;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
        kari = tenant.staff("Kari", "field-worker", tenant.teamId);
        leader = tenant.staff("Lise", "team-leader", tenant.teamId);
        per = tenant.staff("Per", "partner", tenant.partnerTeamId);
        eirik = tenant.person("Eirik", tenant.teamId, kari.id());
        TestDevice d = new TestDevice(http(), tenant.token(kari));
        visit = UUID.randomUUID();
        healthNote = UUID.randomUUID();
        agreement = UUID.randomUUID();
        d.push(d.create("visit", visit, eirik.id(), Records.visit()),
                d.create("visit", healthNote, eirik.id(), Records.with(Records.visit(), "regime", "health_care")),
                d.create("agreement", agreement, eirik.id(), Records.agreementDraft()));
    }

    private JsonNode grant(List<String> categories, LocalDate from, LocalDate until) {
        var r = http().post("/api/v1/persons/" + eirik.id() + "/consents", tenant.token(kari), Http.toJson(Map.of(
                "partnerTeamId", tenant.partnerTeamId.toString(), "categories", categories,
                "purpose", "Felles oppfølging med FACT", "validFrom", from.toString(), "validUntil", until.toString(),
                "givenHow", "signed")));
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    private static Set<String> ids(List<JsonNode> changes) {
        Set<String> out = new HashSet<>();
        changes.forEach(c -> out.add(c.get("id").getStringValue()));
        return out;
    }

    @Test
    void withoutConsentAPartnerSeesNothing() {
        TestDevice partner = new TestDevice(http(), tenant.token(per));
        assertTrue(partner.pullAll().isEmpty());
        assertEquals(404, http().get("/api/v1/persons/" + eirik.id() + "/records", tenant.token(per)).status());
    }

    @Test
    void aConsentSharesExactlyTheNamedCategoriesForItsDates() {
        grant(List.of("visits"), LocalDate.now().minusDays(1), LocalDate.now().plusMonths(6));
        TestDevice partner = new TestDevice(http(), tenant.token(per));
        var r = partner.sync(List.of(), true);
        JsonNode scope = r.json().get("pull").get("scopes").get(0);
        assertEquals("consent", scope.get("basis").getStringValue());
        assertNotNull(scope.get("until"), "the device knows until when");
        assertNotNull(r.json().get("lease").get("partnerDataUntil"), "every response tells the lease");
        Set<String> got = ids(partner.pullAll());
        got.addAll(ids(TestDevice.array(r.json().get("pull"), "changes") instanceof List<JsonNode> l ? l : List.of()));
        Set<String> received = new HashSet<>();
        for (JsonNode c : TestDevice.array(r.json().get("pull"), "changes")) received.add(c.get("id").getStringValue());
        assertTrue(received.contains(visit.toString()), "visits are shared");
        assertTrue(received.contains(eirik.id().toString()), "with the person's core details");
        assertFalse(received.contains(healthNote.toString()), "health notes are not");
        assertFalse(received.contains(agreement.toString()), "agreements are not");
        var rest = http().get("/api/v1/persons/" + eirik.id() + "/records", tenant.token(per));
        assertEquals(200, rest.status());
        for (JsonNode rec : rest.json().values()) {
            assertTrue(Set.of("visits", "core").contains(rec.get("category").getStringValue()), rec.toString());
        }
    }

    @Test
    void aConsentNotYetStartedOrAlreadyEndedSharesNothing() {
        grant(List.of("visits"), LocalDate.now().plusDays(3), LocalDate.now().plusMonths(1));
        assertTrue(new TestDevice(http(), tenant.token(per)).pullAll().isEmpty());
        UUID expired = UUID.fromString(grant(List.of("visits"), LocalDate.now().minusMonths(2), LocalDate.now().minusDays(1))
                .get("id").getStringValue());
        assertTrue(new TestDevice(http(), tenant.token(per)).pullAll().isEmpty());
        var list = http().get("/api/v1/persons/" + eirik.id() + "/consents", tenant.token(kari)).json();
        boolean sawExpired = false;
        for (JsonNode c : list.values()) {
            if (c.get("id").getStringValue().equals(expired.toString())) sawExpired = c.get("state").getStringValue().equals("expired");
        }
        assertTrue(sawExpired);
    }

    @Test
    void withdrawalReachesAPartnerDeviceThatWasOfflineAndItsLaterWritesAreKeptAndFlagged() {
        String consentId = grant(List.of("visits"), LocalDate.now().minusDays(1), LocalDate.now().plusMonths(6))
                .get("id").getStringValue();
        TestDevice partner = new TestDevice(http(), tenant.token(per));
        assertTrue(ids(partner.pullAll()).contains(visit.toString()));

        var withdrawn = http().post("/api/v1/consents/" + consentId + "/withdrawal", tenant.token(kari),
                Http.toJson(Map.of("note", "Eirik ønsker ikke lenger deling")));
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertEquals("withdrawn", withdrawn.json().get("state").getStringValue());

        // The partner, offline all along, wrote a visit about Eirik and now syncs.
        UUID written = UUID.randomUUID();
        var r = partner.sync(List.of(partner.create("visit", written, eirik.id(), Records.visit())), true);
        assertEquals(200, r.status(), r.body());
        JsonNode outcome = r.json().get("outcomes").get(0);
        assertEquals("consent_withdrawn", outcome.get("rejection").get("code").getStringValue());
        JsonNode eviction = r.json().get("pull").get("evictions").get(0);
        assertEquals(eirik.id().toString(), eviction.get("personId").getStringValue());
        assertEquals("consent_withdrawn", eviction.get("reason").getStringValue());
        assertEquals(1, Db.count("SELECT count(*) FROM flagged_mutation WHERE municipality_id = ? AND reason = 'consent_withdrawn'",
                tenant.id), "what the partner wrote after withdrawal is kept and flagged");
        assertTrue(Db.text("SELECT convert_from(body, 'UTF8') FROM sync_request WHERE municipality_id = ? AND device_id = ?",
                tenant.id, partner.id).contains(written.toString()));

        var receipt = partner.send(Map.of("protocolVersion", 1, "schemaVersion", 2, "deviceId", partner.id.toString(),
                "purgeReceipts", List.of(Map.of("evictionId", eviction.get("evictionId").getStringValue(),
                        "personId", eirik.id().toString(), "categories", List.of("core", "visits"), "reason", "evicted",
                        "purgedAt", "2026-11-23T10:00:00+01:00", "recordsPurged", 2))));
        assertEquals(200, receipt.status(), receipt.body());
        assertEquals(1, Db.count("SELECT count(*) FROM eviction WHERE municipality_id = ? AND purged_at IS NOT NULL", tenant.id));
        assertEquals(1, Db.count("SELECT count(*) FROM audit_event WHERE municipality_id = ? AND action = 'purge'", tenant.id),
                "the device's purge is in the access log");
        assertEquals(404, http().get("/api/v1/persons/" + eirik.id() + "/records", tenant.token(per)).status());
    }

    @Test
    void onlyThoseWhoFollowThePersonRecordConsentAndBadConsentsAreClearErrors() {
        var byPartner = http().post("/api/v1/persons/" + eirik.id() + "/consents", tenant.token(per), Http.toJson(Map.of(
                "partnerTeamId", tenant.partnerTeamId.toString(), "categories", List.of("visits"), "purpose", "x",
                "validFrom", LocalDate.now().toString(), "validUntil", LocalDate.now().plusDays(1).toString(), "givenHow", "verbal")));
        assertEquals(404, byPartner.status());
        var bad = http().post("/api/v1/persons/" + eirik.id() + "/consents", tenant.token(kari), Http.toJson(Map.of(
                "partnerTeamId", tenant.teamId.toString(), "categories", List.of("visits", "gossip"), "purpose", "",
                "validFrom", LocalDate.now().toString(), "validUntil", LocalDate.now().minusDays(1).toString(),
                "givenHow", "telepathy")));
        assertEquals(422, bad.status(), bad.body());
        assertEquals(4, bad.json().get("errors").size(), bad.body());
        var notPartner = http().post("/api/v1/persons/" + eirik.id() + "/consents", tenant.token(kari), Http.toJson(Map.of(
                "partnerTeamId", tenant.teamId.toString(), "categories", List.of("visits"), "purpose", "Deling",
                "validFrom", LocalDate.now().toString(), "validUntil", LocalDate.now().plusDays(10).toString(), "givenHow", "verbal")));
        assertEquals(422, notPartner.status(), "consent is given to partner teams");
    }

    @Test
    void aRevokedDeviceIsWipedThenRefusedAndItsLastPushesAreKeptAndFlagged() {
        TestDevice phone = new TestDevice(http(), tenant.token(kari));
        phone.pullAll();
        var list = http().get("/api/v1/devices", tenant.token(leader));
        assertEquals(200, list.status());
        assertTrue(list.body().contains(phone.id.toString()), "the leader lists the team's devices");
        assertEquals(404, http().post("/api/v1/devices/" + phone.id + "/revocation", tenant.token(per),
                Http.toJson(Map.of("reason", "x"))).status(), "not a partner's to revoke");
        var revoked = http().post("/api/v1/devices/" + phone.id + "/revocation", tenant.token(leader),
                Http.toJson(Map.of("reason", "Mistet telefon på bussen")));
        assertEquals(200, revoked.status(), revoked.body());

        UUID lastVisit = UUID.randomUUID();
        var first = phone.sync(List.of(phone.create("visit", lastVisit, eirik.id(), Records.visit())), true);
        assertEquals(200, first.status(), first.body());
        assertEquals("revoked", first.json().get("device").get("status").getStringValue());
        assertTrue(first.json().get("device").get("wipe").getBooleanValue());
        assertEquals(null, first.json().get("pull"), "a revoked device gets no data");
        assertEquals(0, Db.count("SELECT count(*) FROM record_version WHERE municipality_id = ? AND record_id = ?", tenant.id, lastVisit));
        assertEquals(1, Db.count("SELECT count(*) FROM flagged_mutation WHERE municipality_id = ? AND reason = 'device_revoked'", tenant.id));

        var refused = phone.sync(List.of(), true);
        assertEquals(403, refused.status());
        assertEquals("device-revoked", refused.problemType());
        assertEquals(1, Db.count("SELECT count(*) FROM audit_event WHERE municipality_id = ? AND action = 'device' "
                + "AND purpose = 'device revoked'", tenant.id));
    }

    @Test
    void aWorkerSeesAndRevokesOnlyTheirOwnDevices() {
        TestDevice mine = new TestDevice(http(), tenant.token(kari));
        mine.pullAll();
        TestDevice theirs = new TestDevice(http(), tenant.token(leader));
        theirs.pullAll();
        var list = http().get("/api/v1/devices", tenant.token(kari)).json();
        List<String> seen = new ArrayList<>();
        for (JsonNode d : list.values()) {
            seen.add(d.get("id").getStringValue());
            assertEquals(kari.id().toString(), d.get("staffId").getStringValue());
        }
        assertTrue(seen.contains(mine.id.toString()));
        assertFalse(seen.contains(theirs.id.toString()));
        assertEquals(404, http().post("/api/v1/devices/" + theirs.id + "/revocation", tenant.token(kari),
                Http.toJson(Map.of("reason", "x"))).status());
        assertEquals(422, http().post("/api/v1/devices/" + mine.id + "/revocation", tenant.token(kari),
                Http.toJson(Map.of("reason", ""))).status());
    }
}
