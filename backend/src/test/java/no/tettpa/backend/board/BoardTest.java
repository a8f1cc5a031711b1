package no.tettpa.backend.board;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.org.Staff;
import no.tettpa.backend.persons.Person;
import no.tettpa.backend.support.ApiTest;
import no.tettpa.backend.support.FieldData;
import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.TestDevice;
import no.tettpa.backend.support.TestTenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.tettpa.backend.support.FieldData.daysAgo;
import static no.tettpa.backend.support.FieldData.today;
import static no.tettpa.backend.support.Records.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FACT board: the record types' rules, the REST board with today's and recent minutes, and sync to the team. */
class BoardTest extends ApiTest {
    TestTenants.Tenant tenant;
    UUID fact;
    Staff frida, leo, hfWorker;
    Person p1, p2, p3, p4, p5;
    TestDevice fridaPhone;
    UUID entry1;

    static Map<String, Object> entry(UUID team, String status, String colour, int sinceDaysAgo) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("teamId", team.toString());
        e.put("status", status);
        e.put("colour", colour);
        e.put("reason", "Økende uro, sluttet med medisiner");
        e.put("since", daysAgo(sinceDaysAgo).toString());
        return e;
    }

    static Map<String, Object> minute(int daysAgo, String text) {
        return new LinkedHashMap<>(Map.of("date", daysAgo(daysAgo).toString(), "text", text));
    }

    @BeforeAll
    void data() {
        tenant = tenants.create();
        fact = tenant.team("FACT Nord", "fact", false);
        frida = tenant.staff("Frida", "field-worker", fact);
        leo = tenant.staff("Leo", "team-leader", fact);
        hfWorker = tenant.staff("Hanne", "field-worker", tenant.teamId);
        p1 = tenant.person("Per", fact, frida.id());
        p2 = tenant.person("Pia", fact, frida.id());
        p3 = tenant.person("Pål", fact, frida.id());
        p4 = tenant.person("Petter", fact, frida.id());
        p5 = tenant.person("Vera", tenant.teamId, hfWorker.id());

        fridaPhone = new TestDevice(http(), tenant.token(frida));
        FieldData d = new FieldData(fridaPhone);
        entry1 = d.add("board_entry", p1.id(), with(entry(fact, "on_board", "red", 5), "responsibleId",
                frida.id().toString(), "nextAction", "Hjemmebesøk med lege", "nextActionDate", today().toString()));
        d.add("board_entry", p2.id(), entry(fact, "proposed", "yellow", 1));
        d.add("board_entry", p3.id(), entry(fact, "on_board", "green", 30));
        UUID off = d.add("board_entry", p4.id(), entry(fact, "on_board", "red", 60));
        d.update("board_entry", off, p4.id(), 1, Map.of("status", "off_board", "offBoardDate", daysAgo(10).toString(),
                "offBoardReason", "Stabil, tilbake til vanlig oppfølging"));
        d.add("board_minute", p1.id(), with(minute(0, "Lege med i dag"), "boardEntryId", entry1.toString()));
        d.add("board_minute", p1.id(), minute(3, "Ikke truffet hjemme"));
        UUID wrong = d.add("board_minute", p1.id(), minute(2, "Feilført"));
        d.add("board_minute", p1.id(), with(minute(2, "Snakket med søster"), "corrects", wrong.toString()));
        d.add("board_minute", p1.id(), minute(20, "Satt på tavla"));
        d.push();

        FieldData hf = new FieldData(new TestDevice(http(), tenant.token(hfWorker)));
        hf.add("board_entry", p5.id(), entry(tenant.teamId, "on_board", "red", 2));
        hf.push();
    }

    private JsonNode board(String query) {
        Http.Response r = http().get("/api/v1/teams/" + fact + "/board" + query, tenant.token(leo));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static List<String> texts(JsonNode minutes) {
        List<String> out = new ArrayList<>();
        if (minutes != null) for (JsonNode m : minutes.values()) out.add(m.get("text").getStringValue());
        return out;
    }

    @Test
    void theBoardNowReddestFirstWithTodaysAndRecentMinutes() {
        JsonNode b = board("");
        List<String> who = new ArrayList<>();
        for (JsonNode e : b.get("entries").values()) {
            who.add(e.get("displayName").getStringValue() + ":" + e.get("colour").getStringValue() + ":" + e.get("status").getStringValue());
        }
        assertEquals(List.of("Per:red:on_board", "Pia:yellow:proposed", "Pål:green:on_board"), who,
                "off the board and other teams' boards are not shown");
        assertEquals(1, b.get("colours").get("red").getIntValue());
        JsonNode per = b.get("entries").get(0);
        assertEquals("Frida", per.get("responsibleName").getStringValue());
        assertEquals("Hjemmebesøk med lege", per.get("nextAction").getStringValue());
        assertEquals(List.of("Lege med i dag"), texts(per.get("todaysMinutes")));
        assertEquals(List.of("Snakket med søster", "Ikke truffet hjemme"), texts(per.get("recentMinutes")),
                "newest first, the corrected minute replaced, older than 7 days left out");
        assertEquals("Frida", per.get("todaysMinutes").get(0).get("authorName").getStringValue());
        assertEquals(3, texts(board("?days=30").get("entries").get(0).get("recentMinutes")).size());
    }

    @Test
    void theRulesOfABoardStay() {
        JsonNode wrongTeam = fridaPhone.push(fridaPhone.create("board_entry", UUID.randomUUID(), p2.id(),
                entry(tenant.teamId, "on_board", "red", 0))).get(0);
        assertEquals("teamId", wrongTeam.get("rejection").get("field").getStringValue(), wrongTeam.toString());
        UUID e = UUID.randomUUID();
        fridaPhone.push(fridaPhone.create("board_entry", e, p2.id(), entry(fact, "on_board", "yellow", 0)));
        JsonNode noDate = fridaPhone.push(fridaPhone.update("board_entry", e, p2.id(), 1, Map.of("status", "off_board",
                "offBoardReason", "Bedre"))).get(0);
        assertEquals("offBoardDate", noDate.get("rejection").get("field").getStringValue(), noDate.toString());
        JsonNode early = fridaPhone.push(fridaPhone.update("board_entry", e, p2.id(), 1, Map.of("status", "off_board",
                "offBoardReason", "Bedre", "offBoardDate", daysAgo(3).toString()))).get(0);
        assertEquals("offBoardDate", early.get("rejection").get("field").getStringValue(), early.toString());
        JsonNode ok = fridaPhone.push(fridaPhone.update("board_entry", e, p2.id(), 1, Map.of("status", "off_board",
                "offBoardReason", "Bedre", "offBoardDate", today().toString()))).get(0);
        assertEquals("applied", ok.get("status").getStringValue(), ok.toString());
        JsonNode back = fridaPhone.push(fridaPhone.update("board_entry", e, p2.id(), 2, Map.of("status", "on_board"))).get(0);
        assertEquals("invalid_transition", back.get("rejection").get("code").getStringValue(), "coming back is a new entry");
        JsonNode foreign = fridaPhone.push(fridaPhone.create("board_minute", UUID.randomUUID(), p2.id(),
                with(minute(0, "x"), "boardEntryId", entry1.toString()))).get(0);
        assertEquals("boardEntryId", foreign.get("rejection").get("field").getStringValue(), foreign.toString());
    }

    @Test
    void theTeamHasTheBoardOfflineThroughSync() {
        TestDevice leoPhone = new TestDevice(http(), tenant.token(leo));
        List<String> entities = new ArrayList<>();
        for (JsonNode c : leoPhone.pullAll()) entities.add(c.get("entity").getStringValue());
        assertTrue(entities.contains("board_entry") && entities.contains("board_minute"), entities.toString());
    }

    @Test
    void onlyTheTeamsMembersAndSaneParameters() {
        assertEquals(404, http().get("/api/v1/teams/" + fact + "/board", tenant.token(hfWorker)).status());
        Http.Response bad = http().get("/api/v1/teams/" + fact + "/board?days=0", tenant.token(leo));
        assertEquals(400, bad.status());
        assertEquals("invalid-parameter", bad.problemType());
        assertEquals(400, http().get("/api/v1/teams/" + fact + "/board?days=lots", tenant.token(leo)).status());
        assertEquals(200, http().get("/api/v1/teams/" + fact + "/board", tenant.token(frida)).status());
    }
}
