package no.tettpa.backend.caseload;

import io.micronaut.json.tree.JsonNode;
import no.tettpa.backend.calendar.model.NorwegianCalendar;
import no.tettpa.backend.org.Staff;
import no.tettpa.backend.persons.Person;
import no.tettpa.backend.support.ApiTest;
import no.tettpa.backend.support.Db;
import no.tettpa.backend.support.FieldData;
import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.Records;
import no.tettpa.backend.support.RecordingReadListener;
import no.tettpa.backend.support.TestDevice;
import no.tettpa.backend.support.TestTenants;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.tettpa.backend.support.FieldData.daysAgo;
import static no.tettpa.backend.support.FieldData.today;
import static no.tettpa.backend.support.FieldData.visit;
import static no.tettpa.backend.support.FieldData.withNextStep;
import static no.tettpa.backend.support.Records.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The caseload overview on a small fixed data set, each figure against the value worked out by hand:
 * <pre>
 * Astrid (Kari): contact 12 days ago (next step 5 days ago), then two failed attempts (8 and 3 days ago, the
 *                last with a next step 2 days ago): 12 days, 2 failed in a row, overdue; an open conflict.
 * Bjørn  (Ola):  contact 5 days ago, next step in 3 days: 5 days, 0 failed, not overdue. Agreements: active with
 *                evaluation in 10 days (due), active in 30 days (not due), a draft evaluated long ago (not counted).
 *                Ratings red a year ago, yellow now: better. Open arrears case with a varsel 3 days ago.
 * Cecilie (Kari): nothing recorded: never contacted. Two equal ratings: same.
 * Dag    (none): a failed attempt 2 days ago corrected into a contact: 2 days, 0 failed. Ratings yellow, then
 *                yellow with housing green: better. A closed arrears case (not counted).
 * </pre>
 */
class CaseloadTest extends ApiTest {
    @Inject
    RecordingReadListener reads;

    TestTenants.Tenant tenant;
    Staff kari, ola, leader, otherLeader;
    Person astrid, bjorn, cecilie, dag;
    UUID arrearsCase;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("tettpa.test.record-reads", "true");
    }

    @BeforeAll
    void data() throws SQLException {
        tenant = tenants.create();
        UUID otherTeam = tenant.team("Boveiledning", "boveiledning", false);
        kari = tenant.staff("Kari", "field-worker", tenant.teamId);
        ola = tenant.staff("Ola", "field-worker", tenant.teamId);
        leader = tenant.staff("Lise", "team-leader", tenant.teamId);
        otherLeader = tenant.staff("Otto", "team-leader", otherTeam);
        astrid = tenant.person("Astrid", tenant.teamId, kari.id());
        bjorn = tenant.person("Bjørn", tenant.teamId, ola.id());
        cecilie = tenant.person("Cecilie", tenant.teamId, kari.id());
        dag = tenant.person("Dag", tenant.teamId, null);
        tenant.person("Erle", otherTeam, null);

        FieldData d = new FieldData(new TestDevice(http(), tenant.token(kari)));
        d.add("visit", astrid.id(), withNextStep(visit(daysAgo(20), "planned", "home"), "Søke bostøtte", daysAgo(15)));
        d.add("visit", astrid.id(), withNextStep(visit(daysAgo(12), "planned", "cafe"), "Ringe NAV", daysAgo(5)));
        d.add("visit", astrid.id(), visit(daysAgo(8), "failed_attempt", "home"));
        d.add("visit", astrid.id(), withNextStep(visit(daysAgo(3), "failed_attempt", "home"), "Prøve igjen", daysAgo(2)));

        d.add("visit", bjorn.id(), visit(daysAgo(40), "failed_attempt", "home"));
        d.add("visit", bjorn.id(), withNextStep(visit(daysAgo(5), "unplanned", "outdoors"), "Visning", today().plusDays(3)));
        UUID due = d.add("agreement", bjorn.id(), with(Records.agreementDraft(), "evaluationDate",
                today().plusDays(10).toString(), "signatures", List.of(Records.signature())));
        d.update("agreement", due, bjorn.id(), 1, Map.of("status", "active"));
        UUID later = d.add("agreement", bjorn.id(), with(Records.agreementDraft(), "evaluationDate",
                today().plusDays(30).toString(), "signatures", List.of(Records.signature())));
        d.update("agreement", later, bjorn.id(), 1, Map.of("status", "active"));
        d.add("agreement", bjorn.id(), with(Records.agreementDraft(), "evaluationDate", daysAgo(100).toString()));
        d.add("rating", bjorn.id(), FieldData.rating(daysAgo(365), "red", Map.of()));
        d.add("rating", bjorn.id(), FieldData.rating(daysAgo(10), "yellow", Map.of()));
        arrearsCase = d.add("arrears_case", bjorn.id(), Records.arrearsCase());
        d.add("arrears_event", bjorn.id(), FieldData.legalStep(arrearsCase, "notice_sent", daysAgo(3)));

        d.add("rating", cecilie.id(), FieldData.rating(daysAgo(400), "red", Map.of("housing", "red")));
        d.add("rating", cecilie.id(), FieldData.rating(daysAgo(30), "red", Map.of("housing", "red")));

        UUID failed = d.add("visit", dag.id(), visit(daysAgo(2), "failed_attempt", "home"));
        d.add("visit", dag.id(), with(visit(daysAgo(2), "planned", "home"), "corrects", failed.toString()));
        d.add("rating", dag.id(), FieldData.rating(daysAgo(300), "yellow", Map.of()));
        d.add("rating", dag.id(), FieldData.rating(daysAgo(1), "yellow", Map.of("housing", "green")));
        UUID closed = d.add("arrears_case", dag.id(), Records.arrearsCase());
        d.update("arrears_case", closed, dag.id(), 1, Map.of("status", "closed", "outcome", "paid"));
        d.push();

        try (var c = Db.connect(); var ps = c.prepareStatement("INSERT INTO open_conflict (municipality_id, conflict_id, "
                + "person_id, record_id, entity, field, kind) VALUES (?, ?, ?, ?, 'person', 'nationalId', 'review')")) {
            ps.setObject(1, tenant.id);
            ps.setObject(2, UUID.randomUUID());
            ps.setObject(3, astrid.id());
            ps.setObject(4, astrid.id());
            ps.executeUpdate();
        }
    }

    private JsonNode overview(String query) {
        Http.Response r = http().get("/api/v1/teams/" + tenant.teamId + "/caseload" + query, tenant.token(leader));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static List<String> names(JsonNode overview) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : overview.get("persons").values()) out.add(p.get("displayName").getStringValue());
        return out;
    }

    private static JsonNode row(JsonNode overview, Person p) {
        for (JsonNode r : overview.get("persons").values()) {
            if (r.get("personId").getStringValue().equals(p.id().toString())) return r;
        }
        throw new AssertionError("no row for " + p.displayName());
    }

    private static Integer integer(JsonNode row, String field) {
        JsonNode n = row.get(field);
        return n == null || n.isNull() ? null : n.getIntValue();
    }

    @Test
    void everyFigureMatchesTheHandComputedValue() {
        JsonNode o = overview("");
        assertEquals(List.of("Astrid", "Bjørn", "Cecilie", "Dag"), names(o), "the team's persons only, by name");

        JsonNode a = row(o, astrid);
        assertEquals(12, integer(a, "daysSinceLastContact"));
        assertEquals(2, integer(a, "failedAttemptsInRow"));
        assertEquals(daysAgo(2).toString(), a.get("nextStepDate").getStringValue());
        assertTrue(a.get("overdueNextStep").getBooleanValue());
        assertEquals(1, integer(a, "openConflicts"));
        assertEquals(0, integer(a, "openArrearsCases"));
        assertEquals("Kari", a.get("coordinatorName").getStringValue());

        JsonNode b = row(o, bjorn);
        assertEquals(5, integer(b, "daysSinceLastContact"));
        assertEquals(0, integer(b, "failedAttemptsInRow"));
        assertFalse(b.get("overdueNextStep").getBooleanValue());
        assertEquals(1, integer(b, "agreementsDueForEvaluation"));
        assertEquals(today().plusDays(10).toString(), b.get("nextEvaluationDate").getStringValue());
        assertEquals(1, integer(b, "openArrearsCases"));
        JsonNode deadline = b.get("nextLegalDeadline");
        assertEquals(arrearsCase.toString(), deadline.get("caseId").getStringValue());
        assertEquals("payment", deadline.get("kind").getStringValue());
        assertEquals(NorwegianCalendar.nextWorkingDayOnOrAfter(daysAgo(3).plusDays(14)).toString(),
                deadline.get("date").getStringValue());
        assertEquals("yellow", b.get("latestRating").get("index").getStringValue());
        assertEquals("better", b.get("ratingTrend").getStringValue());
        assertEquals(0, integer(b, "openConflicts"));

        JsonNode c = row(o, cecilie);
        assertNull(integer(c, "daysSinceLastContact"), "never contacted");
        assertEquals(0, integer(c, "failedAttemptsInRow"));
        assertEquals("same", c.get("ratingTrend").getStringValue());
        assertEquals("red", c.get("latestRating").get("areas").get("housing").getStringValue());

        JsonNode dg = row(o, dag);
        assertEquals(2, integer(dg, "daysSinceLastContact"), "the correction replaces the failed attempt");
        assertEquals(0, integer(dg, "failedAttemptsInRow"));
        assertEquals("better", dg.get("ratingTrend").getStringValue(), "same index, housing a step better");
        assertEquals(0, integer(dg, "openArrearsCases"), "a closed case is not open");
        assertEquals(0, integer(dg, "exceptionalAccessToReview"));
    }

    @Test
    void summaryAndWorkersAddUpTheRows() {
        JsonNode o = overview("?overdueOnly=true");
        JsonNode s = o.get("summary");
        assertEquals(4, integer(s, "persons"), "the summary covers the whole caseload, not the filtered list");
        assertEquals(1, integer(s, "neverContacted"));
        assertEquals(12, integer(s, "maxDaysSinceLastContact"));
        assertEquals(1, integer(s, "withFailedAttempts"));
        assertEquals(1, integer(s, "overdueNextSteps"));
        assertEquals(1, integer(s, "agreementsDueForEvaluation"));
        assertEquals(1, integer(s, "openArrearsCases"));
        assertEquals(1, integer(s, "openConflicts"));
        assertEquals(2, integer(s.get("ratingIndexes"), "yellow"));
        assertEquals(1, integer(s.get("ratingIndexes"), "red"));
        assertEquals(1, integer(s.get("ratingIndexes"), "none"));
        assertEquals(2, integer(s.get("ratingTrends"), "better"));

        List<String> workers = new ArrayList<>();
        for (JsonNode w : o.get("workers").values()) {
            JsonNode name = w.get("displayName");
            workers.add((name == null ? "(none)" : name.getStringValue()) + ":" + w.get("figures").get("persons").getIntValue());
        }
        assertEquals(List.of("Kari:2", "Ola:1", "(none):1"), workers);
    }

    @Test
    void sortsByAnyColumnBothWaysWithEmptyValuesLast() {
        assertEquals(List.of("Astrid", "Bjørn", "Dag", "Cecilie"), names(overview("?sort=daysSinceLastContact&order=desc")));
        assertEquals(List.of("Dag", "Bjørn", "Astrid", "Cecilie"), names(overview("?sort=daysSinceLastContact")));
        assertEquals(List.of("Astrid", "Bjørn", "Cecilie", "Dag"), names(overview("?sort=failedAttemptsInRow&order=desc")));
        assertEquals(List.of("Cecilie", "Bjørn", "Dag", "Astrid"), names(overview("?sort=ratingIndex&order=desc")));
        assertEquals("ratingIndex", overview("?sort=ratingIndex&order=desc").get("sort").getStringValue());
    }

    @Test
    void filters() {
        assertEquals(List.of("Astrid"), names(overview("?overdueOnly=true")));
        assertEquals(List.of("Bjørn"), names(overview("?withOpenArrears=true")));
        assertEquals(List.of("Bjørn"), names(overview("?dueForEvaluation=true")));
        assertEquals(List.of("Astrid"), names(overview("?withOpenConflicts=true")));
        assertEquals(List.of("Bjørn"), names(overview("?coordinatorId=" + ola.id())));
        assertEquals(List.of("Astrid"), names(overview("?minFailedAttempts=1")));
        assertEquals(List.of("Astrid", "Cecilie"), names(overview("?minDaysSinceLastContact=6")));
        assertEquals(List.of("Cecilie"), names(overview("?ratingTrend=same")));
        assertEquals(List.of(), names(overview("?overdueOnly=true&withOpenArrears=true")));
    }

    @Test
    void badParametersAreProblems() {
        for (String q : List.of("?sort=shoeSize", "?order=sideways", "?overdueOnly=maybe", "?minFailedAttempts=-1",
                "?minFailedAttempts=two", "?coordinatorId=not-a-uuid", "?ratingTrend=up")) {
            Http.Response r = http().get("/api/v1/teams/" + tenant.teamId + "/caseload" + q, tenant.token(leader));
            assertEquals(400, r.status(), q + " " + r.body());
            assertEquals("invalid-parameter", r.problemType(), q);
            assertTrue(r.contentType().startsWith("application/problem+json"), q);
        }
    }

    @Test
    void aLeaderSeesOnlyTheirOwnTeams() {
        Http.Response other = http().get("/api/v1/teams/" + tenant.teamId + "/caseload", tenant.token(otherLeader));
        assertEquals(404, other.status());
        assertEquals("not-found", other.problemType());
        Http.Response worker = http().get("/api/v1/teams/" + tenant.teamId + "/caseload", tenant.token(kari));
        assertEquals(404, worker.status(), "a field worker is not the team's leader");
        Http.Response unknown = http().get("/api/v1/teams/" + UUID.randomUUID() + "/caseload", tenant.token(leader));
        assertEquals(404, unknown.status());
        Http.Response partnerTeam = http().get("/api/v1/teams/" + tenant.partnerTeamId + "/caseload", tenant.token(leader));
        assertEquals(404, partnerTeam.status());
    }

    @Test
    void aWorkerSeesTheirOwnCaseload() {
        Http.Response r = http().get("/api/v1/workers/me/caseload?sort=daysSinceLastContact", tenant.token(kari));
        assertEquals(200, r.status(), r.body());
        assertEquals(List.of("Astrid", "Cecilie"), names(r.json()));
        assertEquals(kari.id().toString(), r.json().get("workerId").getStringValue());
        Http.Response none = http().get("/api/v1/workers/me/caseload", tenant.token(otherLeader));
        assertEquals(List.of(), names(none.json()));
    }

    @Test
    void everyPersonShownIsReportedToTheAccessLog() {
        overview("?overdueOnly=true");
        var logged = reads.by(leader.id()).stream().filter(r -> r.purpose().startsWith("caseload overview")).toList();
        assertTrue(logged.stream().map(RecordingReadListener.Read::personId).toList()
                .containsAll(List.of(astrid.id(), bjorn.id(), cecilie.id(), dag.id())));
    }
}
