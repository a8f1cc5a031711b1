package no.tettpa.backend.access;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.org.Staff;
import no.tettpa.backend.persons.Person;
import no.tettpa.backend.support.ApiTest;
import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.Records;
import no.tettpa.backend.support.TestDevice;
import no.tettpa.backend.support.TestTenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every role against every record category, consent state (none, active, withdrawn, expired), caseload relation
 * and tenant, through the sync API (what a device receives, what it may write) and the REST API (list, history,
 * write), with ids guessed across tenants and teams. The expected answer comes from {@link #allowed}, the rule in
 * one place; the test fails listing every cell that differs.
 */
class AuthorizationMatrixTest extends ApiTest {
    enum Actor { WORKER_OF_TEAM, LEADER_OF_TEAM, WORKER_OF_OTHER_TEAM, LEADER_OF_OTHER_TEAM, PARTNER, ADMINISTRATOR, OTHER_TENANT }

    enum Consent { NONE, ACTIVE, WITHDRAWN, EXPIRED }

    /** The categories and a record type that lives in each (core: the person record itself). */
    static final Map<String, String> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("core", "person");
        CATEGORIES.put("visits", "visit");
        CATEGORIES.put("health_notes", "visit");
        CATEGORIES.put("agreements", "agreement");
        CATEGORIES.put("arrears", "arrears_case");
        CATEGORIES.put("ratings", "rating");
    }

    /** The partner team's consent, when active, shares these. */
    static final Set<String> CONSENTED = Set.of("visits", "ratings");

    static boolean allowed(Actor actor, Consent consent, String category) {
        return switch (actor) {
            case WORKER_OF_TEAM, LEADER_OF_TEAM -> true;
            case PARTNER -> consent == Consent.ACTIVE && (CONSENTED.contains(category) || category.equals("core"));
            default -> false;
        };
    }

    TestTenants.Tenant tenant;
    TestTenants.Tenant other;
    final Map<Actor, Staff> actors = new LinkedHashMap<>();
    final Map<Consent, Person> persons = new LinkedHashMap<>();
    /** person → category → a record of that category. */
    final Map<UUID, Map<String, UUID>> records = new LinkedHashMap<>();
    String writerDevice;

    @BeforeAll
    void world() throws Exception {
        tenant = tenants.create();
        other = tenants.create();
        UUID otherTeam = tenant.team("Boveiledning", "boveiledning", false);
        actors.put(Actor.WORKER_OF_TEAM, tenant.staff("W", "field-worker", tenant.teamId));
        actors.put(Actor.LEADER_OF_TEAM, tenant.staff("L", "team-leader", tenant.teamId));
        actors.put(Actor.WORKER_OF_OTHER_TEAM, tenant.staff("W2", "field-worker", otherTeam));
        actors.put(Actor.LEADER_OF_OTHER_TEAM, tenant.staff("L2", "team-leader", otherTeam));
        actors.put(Actor.PARTNER, tenant.staff("F", "partner", tenant.partnerTeamId));
        actors.put(Actor.ADMINISTRATOR, tenant.staff("A", "administrator"));
        actors.put(Actor.OTHER_TENANT, other.staff("X", "team-leader", other.teamId));
        Staff worker = actors.get(Actor.WORKER_OF_TEAM);
        TestDevice d = new TestDevice(http(), tenant.token(worker));
        writerDevice = d.id.toString();
        for (Consent c : Consent.values()) {
            Person p = tenant.person("Person " + c, tenant.teamId, worker.id());
            persons.put(c, p);
            Map<String, UUID> ids = new LinkedHashMap<>();
            ids.put("core", p.id());
            for (String category : CATEGORIES.keySet()) {
                if (category.equals("core")) continue;
                UUID id = UUID.randomUUID();
                ids.put(category, id);
                JsonNode o = d.push(d.create(CATEGORIES.get(category), id, p.id(), fields(category))).get(0);
                assertEquals("applied", o.get("status").getStringValue(), o.toString());
            }
            records.put(p.id(), ids);
            if (c != Consent.NONE) consent(p, c);
        }
    }

    private void consent(Person p, Consent state) throws Exception {
        LocalDate from = state == Consent.EXPIRED ? LocalDate.now().minusMonths(3) : LocalDate.now().minusDays(1);
        LocalDate until = state == Consent.EXPIRED ? LocalDate.now().minusDays(1) : LocalDate.now().plusMonths(3);
        var r = http().post("/api/v1/persons/" + p.id() + "/consents", tenant.token(actors.get(Actor.WORKER_OF_TEAM)),
                Http.toJson(Map.of("partnerTeamId", tenant.partnerTeamId.toString(), "categories", List.copyOf(CONSENTED),
                        "purpose", "FACT", "validFrom", from.toString(), "validUntil", until.toString(), "givenHow", "written")));
        assertEquals(201, r.status(), r.body());
        if (state == Consent.WITHDRAWN) {
            assertEquals(200, http().post("/api/v1/consents/" + r.json().get("id").getStringValue() + "/withdrawal",
                    tenant.token(actors.get(Actor.WORKER_OF_TEAM)), "{}").status());
        }
    }

    private static Map<String, Object> fields(String category) {
        return switch (category) {
            case "visits" -> Records.visit();
            case "health_notes" -> Records.with(Records.visit(), "regime", "health_care");
            case "agreements" -> Records.agreementDraft();
            case "arrears" -> Records.arrearsCase();
            case "ratings" -> Records.rating();
            default -> throw new IllegalArgumentException(category);
        };
    }

    private String token(Actor a) {
        Staff s = actors.get(a);
        return a == Actor.OTHER_TENANT ? other.token(s) : tenant.token(s);
    }

    @Test
    void everyCellOfTheMatrix() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Actor actor : Actor.values()) {
            Set<String> received = new HashSet<>();
            TestDevice phone = new TestDevice(http(), token(actor));
            for (JsonNode c : phone.pullAll()) received.add(c.get("id").getStringValue());
            for (Consent consent : Consent.values()) {
                Person p = persons.get(consent);
                var list = http().get("/api/v1/persons/" + p.id() + "/records", token(actor));
                Set<String> listed = new HashSet<>();
                if (list.status() == 200) for (JsonNode r : list.json().values()) listed.add(r.get("id").getStringValue());
                for (String category : CATEGORIES.keySet()) {
                    cells++;
                    boolean expect = allowed(actor, consent, category);
                    String cell = actor + " x " + consent + " x " + category;
                    UUID id = records.get(p.id()).get(category);
                    if (received.contains(id.toString()) != expect) wrong.add(cell + ": sync delivery " + !expect);
                    if (listed.contains(id.toString()) != expect) wrong.add(cell + ": REST list " + !expect);
                    int history = http().get("/api/v1/records/" + id, token(actor)).status();
                    if ((history == 200) != expect || (!expect && history != 404)) wrong.add(cell + ": REST history " + history);
                    checkWrites(actor, consent, category, p, expect, cell, wrong);
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + cells + " cells wrong:\n" + String.join("\n", wrong));
        assertEquals(Actor.values().length * Consent.values().length * CATEGORIES.size(), cells);
    }

    private void checkWrites(Actor actor, Consent consent, String category, Person p, boolean expect, String cell,
                             List<String> wrong) {
        TestDevice phone = new TestDevice(http(), token(actor));
        Map<String, Object> m = category.equals("core")
                ? phone.update("person", p.id(), p.id(), 1, Map.of("phone", "+47 4" + Math.abs(cell.hashCode() % 10_000_000)))
                : phone.create(CATEGORIES.get(category), UUID.randomUUID(), p.id(), fields(category));
        var pushed = phone.sync(List.of(m), false);
        if (actor == Actor.OTHER_TENANT || actor == Actor.ADMINISTRATOR) {
            boolean refused = pushed.status() == 200 && "rejected".equals(pushed.json().get("outcomes").get(0).get("status").getStringValue());
            if (!refused) wrong.add(cell + ": sync write not refused " + pushed.body());
        } else {
            String status = pushed.json().get("outcomes").get(0).get("status").getStringValue();
            boolean applied = !status.equals("rejected");
            if (applied != expect) wrong.add(cell + ": sync write " + status);
        }
        Map<String, Object> write = new LinkedHashMap<>();
        write.put("entity", category.equals("core") ? "person" : CATEGORIES.get(category));
        write.put("op", category.equals("core") ? "update" : "create");
        write.put("recordId", category.equals("core") ? p.id().toString() : UUID.randomUUID().toString());
        write.put("personId", p.id().toString());
        if (category.equals("core")) write.put("baseVersion", 1);
        write.put("fields", category.equals("core") ? Map.of("phone", "+47 5" + Math.abs(cell.hashCode() % 10_000_000))
                : fields(category));
        int rest = http().post("/api/v1/records", token(actor), Http.toJson(write)).status();
        if ((rest < 300) != expect || (!expect && rest != 404)) wrong.add(cell + ": REST write " + rest);
    }

    @Test
    void guessedIdsAcrossTenantsAndTeamsAreNotFoundNeverForbidden() throws Exception {
        Person p = persons.get(Consent.ACTIVE);
        UUID visitId = records.get(p.id()).get("visits");
        for (Actor guesser : List.of(Actor.OTHER_TENANT, Actor.WORKER_OF_OTHER_TEAM, Actor.ADMINISTRATOR)) {
            String t = token(guesser);
            for (String path : List.of("/api/v1/records/" + visitId, "/api/v1/persons/" + p.id() + "/records",
                    "/api/v1/persons/" + p.id() + "/consents", "/api/v1/persons/" + p.id() + "/access-log",
                    "/api/v1/sync/devices/" + writerDevice + "/mutations/1", "/api/v1/persons/" + p.id() + "/handovers")) {
                if (guesser == Actor.ADMINISTRATOR && path.endsWith("/handovers")) {
                    continue; // administrators reorganise teams and hand persons over: that history is theirs to see
                }
                var r = http().get(path, t);
                assertEquals(404, r.status(), guesser + " " + path + " " + r.body());
                assertEquals("not-found", r.problemType());
            }
        }
        var x = token(Actor.OTHER_TENANT);
        assertEquals(404, http().post("/api/v1/persons/" + p.id() + "/exceptional-access", x,
                Http.toJson(Map.of("reason", "Prøver å bryte glasset i feil kommune"))).status(),
                "exceptional access never crosses municipalities");
        assertEquals(404, http().get("/api/v1/persons/" + p.id(), x).status());
        assertEquals(404, http().post("/api/v1/consents/" + UUID.randomUUID() + "/withdrawal", x, "{}").status());
        assertEquals(404, http().get("/api/v1/conflicts?teamId=" + tenant.teamId, x).status());
        assertEquals(404, http().post("/api/v1/devices/" + writerDevice + "/revocation", x,
                Http.toJson(Map.of("reason", "Gjetter"))).status());
        try (Connection c = no.tettpa.backend.support.Db.connect()) {
            assertTrue(c.isValid(1));
        }
    }
}
