package no.tettpa.backend.generator;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Inject;
import no.tettpa.backend.auth.DevIssuer;
import no.tettpa.backend.support.ApiTest;
import no.tettpa.backend.support.Db;
import no.tettpa.backend.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data generator: deterministic by seed, plausible distributions, and data the API reads like synced data. */
class GeneratorTest extends ApiTest {
    static final Instant NOW = Instant.now();

    @Inject
    DevIssuer issuer;

    GeneratedMunicipality small;

    static GeneratedMunicipality generate(long seed, String number) throws SQLException {
        try (Connection c = Db.connect()) {
            c.setAutoCommit(false);
            GeneratedMunicipality g = MunicipalityGenerator.generate(c, new MunicipalityGenerator.Options(seed, number,
                    NOW, 2, new int[] {12, 10, 8}, 3));
            c.commit();
            return g;
        }
    }

    @BeforeAll
    void generate() throws SQLException {
        small = generate(42, "9101");
    }

    @Test
    void theSameSeedGivesTheSameRecords() throws SQLException {
        GeneratedMunicipality again = generate(42, "9102");
        assertEquals(small.digest(), again.digest());
        assertEquals(small.records(), again.records());
        assertNotEquals(small.id(), again.id());
        assertNotEquals(small.digest(), generate(43, "9103").digest());
        assertEquals(small.versions(), Db.count("SELECT count(*) FROM record_version WHERE municipality_id = ?", small.id()));
    }

    @Test
    void distributionsArePlausible() {
        assertEquals(List.of(12, 10, 8), small.teams().stream().map(t -> t.personIds().size()).toList());
        assertEquals(30, small.records().get("person"));
        assertEquals(30, small.records().get("episode"));
        long visits = small.records().get("visit");
        long failed = Db.count("SELECT count(*) FROM record_version WHERE municipality_id = ? AND entity = 'visit' "
                + "AND body->>'kind' = 'failed_attempt'", small.id());
        assertTrue(visits > 500, "visits: " + visits);
        double share = (double) failed / visits;
        assertTrue(share > 0.1 && share < 0.25, "failed attempts " + share);
        assertEquals(0, Db.count("SELECT count(*) FROM person p WHERE p.municipality_id = ? AND NOT EXISTS (SELECT 1 "
                + "FROM record_version r WHERE r.municipality_id = p.municipality_id AND r.person_id = p.id "
                + "AND r.entity = 'housing_situation')", small.id()), "everyone has a housing situation");
        assertTrue(small.records().get("rating") >= 20, small.records().toString());
        assertTrue(small.records().containsKey("agreement") && small.records().containsKey("board_entry"),
                small.records().toString());
        assertEquals(0, Db.count("SELECT count(*) FROM record_version WHERE municipality_id = ? AND entity = 'visit' "
                + "AND (body->>'startedAt')::timestamptz > ?", small.id(), java.sql.Timestamp.from(NOW)), "nothing ahead");
    }

    @Test
    void theApiReadsTheGeneratedMunicipality() {
        GeneratedMunicipality.Team hf = small.team("housing_first");
        String leader = issuer.mint(hf.leaderSubject(), List.of("team-leader"), Duration.ofMinutes(10));
        Http.Response caseload = http().get("/api/v1/teams/" + hf.id() + "/caseload?sort=daysSinceLastContact&order=desc",
                leader);
        assertEquals(200, caseload.status(), caseload.body());
        assertEquals(12, caseload.json().get("persons").size());

        Http.Response timeline = http().get("/api/v1/persons/" + hf.personIds().get(0) + "/timeline", leader);
        assertEquals(200, timeline.status(), timeline.body());
        JsonNode first = timeline.json().get("entries").get(0);
        assertTrue(first.get("recordedBy").get("displayName").getStringValue().contains(" "));

        GeneratedMunicipality.Team fact = small.team("fact");
        String factLeader = issuer.mint(fact.leaderSubject(), List.of("team-leader"), Duration.ofMinutes(10));
        assertEquals(200, http().get("/api/v1/teams/" + fact.id() + "/board", factLeader).status());
        assertEquals(200, http().get("/api/v1/teams/" + hf.id() + "/fidelity?from="
                + LocalDate.now().minusDays(84) + "&to=" + LocalDate.now().minusDays(1), leader).status());
        String admin = issuer.mint(small.administratorSubject(), List.of("administrator"), Duration.ofMinutes(10));
        Http.Response report = http().get("/api/v1/reports/yearly/" + (LocalDate.now().getYear() - 1), admin);
        assertEquals(200, report.status(), report.body());
    }
}
