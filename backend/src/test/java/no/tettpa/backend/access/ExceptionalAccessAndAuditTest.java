package no.tettpa.backend.access;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.audit.AuditVerifier;
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

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exceptional access that expires and is reviewed; the tamper-evident access log; innsyn. */
class ExceptionalAccessAndAuditTest extends ApiTest {
    TestTenants.Tenant tenant;
    Staff kari;
    Staff leader;
    Staff outsider;
    Person eirik;
    UUID visit;

    @BeforeEach
    void setUp() {
        tenant = tenants.create();
        kari = tenant.staff("Kari", "field-worker", tenant.teamId);
        leader = tenant.staff("Lise", "team-leader", tenant.teamId);
        UUID other = tenant.team("Boveiledning", "boveiledning", false);
        outsider = tenant.staff("Ola Utenfor", "field-worker", other);
        eirik = tenant.person("Eirik", tenant.teamId, kari.id());
        TestDevice d = new TestDevice(http(), tenant.token(kari));
        visit = UUID.randomUUID();
        d.push(d.create("visit", visit, eirik.id(), Records.visit()));
    }

    private AuditVerifier.Report verify() {
        return server.getApplicationContext().getBean(AuditVerifier.class).verify(tenant.id);
    }

    @Test
    void exceptionalAccessNeedsAReasonLastsABoundedTimeIsLoggedAndReviewed() {
        assertEquals(404, http().get("/api/v1/persons/" + eirik.id() + "/records", tenant.token(outsider)).status());
        var noReason = http().post("/api/v1/persons/" + eirik.id() + "/exceptional-access", tenant.token(outsider),
                Http.toJson(Map.of("reason", "fordi")));
        assertEquals(422, noReason.status());
        var tooLong = http().post("/api/v1/persons/" + eirik.id() + "/exceptional-access", tenant.token(outsider),
                Http.toJson(Map.of("reason", "Akutt situasjon på kveldsvakt, koordinator utilgjengelig", "minutes", 24 * 60)));
        assertEquals(422, tooLong.status());

        var opened = http().post("/api/v1/persons/" + eirik.id() + "/exceptional-access", tenant.token(outsider),
                Http.toJson(Map.of("reason", "Akutt situasjon på kveldsvakt, koordinator utilgjengelig", "minutes", 60)));
        assertEquals(201, opened.status(), opened.body());
        String accessId = opened.json().get("id").getStringValue();

        var read = http().get("/api/v1/persons/" + eirik.id() + "/records", tenant.token(outsider));
        assertEquals(200, read.status(), "the glass is broken");
        TestDevice phone = new TestDevice(http(), tenant.token(outsider));
        var page = phone.sync(List.of(), true).json().get("pull");
        assertEquals("exceptional", page.get("scopes").get(0).get("basis").getStringValue());
        assertEquals(1, Db.count("SELECT count(*) FROM audit_event WHERE municipality_id = ? AND actor_id = ? "
                + "AND action = 'read' AND basis = 'exceptional'", tenant.id, outsider.id()), "every use is logged as exceptional");
        assertEquals(1, Db.count("SELECT count(*) FROM audit_event WHERE municipality_id = ? AND actor_id = ? "
                + "AND action = 'delivery' AND basis = 'exceptional'", tenant.id, outsider.id()));

        var queue = http().get("/api/v1/reviews/exceptional-access?teamId=" + tenant.teamId, tenant.token(leader));
        assertEquals(1, queue.json().size(), "the use waits in the leader's review queue");
        var unusual = http().get("/api/v1/reviews/unusual-access?teamId=" + tenant.teamId, tenant.token(leader));
        assertTrue(unusual.body().contains("exceptional_access_unreviewed"));
        assertEquals(1, toReviewInCaseload(), "the leader's caseload overview counts it");

        // It expires: the device evicts, and the API no longer answers.
        try (Connection c = Db.connect(); var ps = c.prepareStatement("UPDATE exceptional_access SET granted_at = now() - "
                + "interval '2 hours', expires_at = now() - interval '1 second' WHERE municipality_id = ? AND id = ?")) {
            ps.setObject(1, tenant.id);
            ps.setObject(2, UUID.fromString(accessId));
            ps.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertEquals(404, http().get("/api/v1/persons/" + eirik.id() + "/records", tenant.token(outsider)).status());
        List<JsonNode> evictions = new ArrayList<>();
        phone.pullAll(evictions);
        assertEquals("access_ended", evictions.get(0).get("reason").getStringValue());

        assertEquals(404, http().post("/api/v1/reviews/exceptional-access/" + accessId, tenant.token(outsider),
                Http.toJson(Map.of("note", "x"))).status(), "only the person's team leaders review");
        var reviewed = http().post("/api/v1/reviews/exceptional-access/" + accessId, tenant.token(leader),
                Http.toJson(Map.of("note", "Begrunnet, i orden")));
        assertEquals(200, reviewed.status(), reviewed.body());
        assertEquals(0, http().get("/api/v1/reviews/exceptional-access?teamId=" + tenant.teamId, tenant.token(leader))
                .json().size());
        assertEquals(409, http().post("/api/v1/reviews/exceptional-access/" + accessId, tenant.token(leader),
                Http.toJson(Map.of())).status());
        assertEquals(0, toReviewInCaseload(), "reviewed uses leave the count");
    }

    private int toReviewInCaseload() {
        var overview = http().get("/api/v1/teams/" + tenant.teamId + "/caseload", tenant.token(leader));
        assertEquals(200, overview.status(), overview.body());
        for (JsonNode row : overview.json().get("persons").values()) {
            if (row.get("personId").getStringValue().equals(eirik.id().toString())) {
                return row.get("exceptionalAccessToReview").getIntValue();
            }
        }
        throw new AssertionError("Eirik is not in the overview");
    }

    @Test
    void theAccessLogChainVerifiesAndAnyEditOrDeletionIsDetected() throws Exception {
        http().get("/api/v1/persons/" + eirik.id() + "/records", tenant.token(kari));
        new TestDevice(http(), tenant.token(leader)).pullAll();
        AuditVerifier.Report ok = verify();
        assertTrue(ok.intact(), ok.toString());
        assertTrue(ok.links() >= 3, "writes, reads and deliveries are logged: " + ok);

        try (Connection c = Db.connect(); var ps = c.prepareStatement("UPDATE audit_event SET purpose = 'nothing to see' "
                + "WHERE municipality_id = ? AND action = 'read'")) {
            ps.setObject(1, tenant.id);
            ps.executeUpdate();
        }
        AuditVerifier.Report edited = verify();
        assertFalse(edited.intact());
        assertEquals("the event was changed after it was logged", edited.problem());

        try (Connection c = Db.connect(); var ps = c.prepareStatement("UPDATE audit_event SET purpose = 'list records' "
                + "WHERE municipality_id = ? AND action = 'read'")) {
            ps.setObject(1, tenant.id);
            ps.executeUpdate();
        }
        assertTrue(verify().intact(), "restoring the exact content restores the chain");

        try (Connection c = Db.connect(); var ps = c.prepareStatement("DELETE FROM audit_event WHERE municipality_id = ? "
                + "AND action = 'delivery'")) {
            ps.setObject(1, tenant.id);
            ps.executeUpdate();
        }
        AuditVerifier.Report deleted = verify();
        assertFalse(deleted.intact());
        assertEquals("the event of this link was deleted", deleted.problem());
    }

    @Test
    void aRemovedChainLinkOrTailIsDetected() throws Exception {
        for (int i = 0; i < 3; i++) http().get("/api/v1/persons/" + eirik.id() + "/records", tenant.token(kari));
        assertTrue(verify().intact());
        try (Connection c = Db.connect(); var ps = c.prepareStatement("DELETE FROM audit_chain WHERE municipality_id = ? "
                + "AND position = 2")) {
            ps.setObject(1, tenant.id);
            ps.executeUpdate();
        }
        assertEquals("a link is missing before this position", verify().problem());
    }

    @Test
    void innsynShowsWhoAccessedTheRecordWhenAndWhyAndIsItselfLogged() {
        new TestDevice(http(), tenant.token(kari)).pullAll();
        http().get("/api/v1/persons/" + eirik.id() + "/records?entity=visit", tenant.token(leader));
        var log = http().get("/api/v1/persons/" + eirik.id() + "/access-log", tenant.token(leader));
        assertEquals(200, log.status(), log.body());
        boolean leaderRead = false;
        boolean kariDelivered = false;
        for (JsonNode e : log.json().get("entries").values()) {
            String who = e.get("staffName") == null ? "" : e.get("staffName").getStringValue();
            if (who.equals("Lise") && e.get("action").getStringValue().equals("read")) {
                leaderRead = e.get("basis").getStringValue().equals("caseload")
                        && e.get("purpose").getStringValue().equals("list visit")
                        && e.get("organisation").getStringValue().equals("Test kommune");
            }
            if (who.equals("Kari") && e.get("action").getStringValue().equals("delivery")) {
                kariDelivered = e.get("onDevice").getBooleanValue() && e.get("records").getIntValue() >= 2;
            }
        }
        assertTrue(leaderRead, log.body());
        assertTrue(kariDelivered, log.body());
        var html = http().get("/api/v1/persons/" + eirik.id() + "/access-log?format=html", tenant.token(leader));
        assertTrue(html.contentType().startsWith("text/html"));
        assertTrue(html.body().contains("Hvem har sett opplysningene dine") && html.body().contains("Lise"));
        assertEquals(2, Db.count("SELECT count(*) FROM audit_event WHERE municipality_id = ? AND purpose = 'innsyn'", tenant.id));
        assertEquals(404, http().get("/api/v1/persons/" + eirik.id() + "/access-log", tenant.token(outsider)).status());
    }
}
