package no.tettpa.backend.records;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.support.Db;
import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.NationalIds;
import no.tettpa.backend.support.Records;
import no.tettpa.backend.support.TestDevice;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportAndHandoverTest extends RecordsTest {

    private Http.Response importCsv(String token, String csv) {
        return http().send("POST", "/api/v1/arrears/imports?teamId=" + tenant.teamId, token, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anArrearsListBecomesCasesAndContactTasksAndEveryBadLineIsReported() {
        String known = NationalIds.valid("030356");
        assertApplied(updated("person", eirik.id(), 1, Map.of("nationalId", known)));
        String newcomer = NationalIds.valid("040457");
        String notice = LocalDate.now().minusDays(3).toString();
        String csv = String.join("\n",
                "leietaker;fodselsnummer;adresse;utleier;utleiertype;husleie;restanse;maneder;varsel_dato",
                "Eirik Ås;" + known + ";Storgata 1;Tettvik boliger;kommunal;8 500,00;17000;2;" + notice,
                "Ny Leietaker;" + newcomer + ";Lillegata 2;Privat utleier;privat;9000;9000;1;",
                "Feil Restanse;;Gata 3;Utleier AS;boligselskap;9000;-5;1;",
                "Feil Type;;Gata 4;Utleier AS;onkel;9000;100;1;",
                "Uten Adresse;;;Utleier AS;privat;9000;100;1;");
        var r = importCsv(tenant.token(leader), csv);
        assertEquals(200, r.status(), r.body());
        JsonNode imported = r.json().get("imported");
        JsonNode errors = r.json().get("errors");
        assertEquals(2, imported.size(), r.body());
        assertEquals(3, errors.size(), r.body());
        List<Integer> badLines = new ArrayList<>();
        for (JsonNode e : errors.values()) badLines.add(e.get("line").getIntValue());
        assertEquals(List.of(4, 5, 6), badLines);
        assertEquals("restanse", errors.get(0).get("column").getStringValue().toLowerCase());

        JsonNode first = imported.get(0);
        assertEquals(eirik.id().toString(), first.get("personId").getStringValue(), "matched by national id");
        assertFalse(first.get("newPerson").getBooleanValue());
        assertTrue(imported.get(1).get("newPerson").getBooleanValue());

        var cases = read("arrears_case");
        JsonNode theCase = one(cases, UUID.fromString(first.get("caseId").getStringValue()));
        assertEquals(17000, theCase.get("fields").get("amountOwed").getIntValue());
        assertEquals("arrears_list", theCase.get("fields").get("source").getStringValue());
        assertTrue(theCase.get("derived").get("nextDeadline") != null, "the notice's payment deadline is computed");
        JsonNode task = one(read("task"), UUID.fromString(first.get("taskId").getStringValue()));
        assertEquals(kari.id().toString(), task.get("fields").get("assigneeId").getStringValue(), "the coordinator gets the task");
        assertEquals(2, Db.count("SELECT count(*) FROM record_version WHERE municipality_id = ? AND entity = 'arrears_case'",
                tenant.id), "nothing of a bad line is imported");
    }

    @Test
    void aFileWithoutTheRequiredColumnsImportsNothing() {
        var r = importCsv(tenant.token(leader), "navn;belop\nEirik;100\n");
        assertEquals(200, r.status());
        assertEquals(0, r.json().get("imported") == null ? 0 : r.json().get("imported").size());
        assertEquals(1, r.json().get("errors").get(0).get("line").getIntValue());
    }

    @Test
    void onlyALeaderOfTheTeamImports() {
        assertEquals(403, importCsv(tenant.token(kari), "leietaker\n").status());
    }

    @Test
    void aHandOverMovesAccessAndKeepsTheWholeHistory() {
        UUID visit = created("visit", Records.visit());
        UUID otherTeam = tenant.team("Boveiledning", "boveiledning", false);
        var receiver = tenant.staff("Ola", "field-worker", otherTeam);
        device.pullAll();

        var handed = http().post("/api/v1/persons/" + eirik.id() + "/handover", tenant.token(leader),
                Http.toJson(Map.of("teamId", otherTeam.toString(), "coordinatorId", receiver.id().toString(),
                        "note", "Flytter til boveiledning")));
        assertEquals(200, handed.status(), handed.body());

        List<JsonNode> evictions = new ArrayList<>();
        device.pullAll(evictions);
        assertEquals(eirik.id().toString(), evictions.get(0).get("personId").getStringValue(), "the old team's device evicts");

        TestDevice theirs = new TestDevice(http(), tenant.token(receiver));
        Set<String> received = new HashSet<>();
        for (JsonNode c : theirs.pullAll()) received.add(c.get("id").getStringValue());
        assertTrue(received.contains(visit.toString()), "the receiving team gets the history");
        var history = http().get("/api/v1/persons/" + eirik.id() + "/handovers", tenant.token(receiver));
        assertEquals(1, history.json().size());
        assertEquals(leader.id().toString(), history.json().get(0).get("handedOverBy").getStringValue());
        assertEquals(404, http().get("/api/v1/persons/" + eirik.id() + "/records", tenant.token(kari)).status(),
                "the old coordinator no longer sees the person");

        var refused = http().post("/api/v1/persons/" + eirik.id() + "/handover", tenant.token(leader),
                Http.toJson(Map.of("teamId", tenant.teamId.toString())));
        assertEquals(404, refused.status(), "only the current team's leader hands over");
        var badCoordinator = http().post("/api/v1/persons/" + eirik.id() + "/handover",
                tenant.token(tenant.staff("Leder 2", "team-leader", otherTeam)),
                Http.toJson(Map.of("teamId", tenant.teamId.toString(), "coordinatorId", receiver.id().toString())));
        assertEquals(422, badCoordinator.status(), "the coordinator must be on the receiving team");
    }
}
