package no.tettpa.backend.problem;

import no.tettpa.backend.org.Staff;
import no.tettpa.backend.support.ApiTest;
import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.TestTenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets a clear 4xx problem document and changes nothing; never a 500. */
class MalformedInputTest extends ApiTest {
    private TestTenants.Tenant tenant;
    private String token;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.server.max-request-size", "65536");
    }

    @BeforeAll
    void signIn() {
        tenant = tenants.create();
        Staff leader = tenant.staff("Leader", "team-leader", tenant.teamId);
        token = tenant.token(leader);
    }

    private void assertProblem(Http.Response r, int status, String type) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(type, r.problemType(), r.body());
        assertEquals(status, r.json().get("status").getIntValue());
        assertTrue(r.json().get("title").getStringValue().length() > 0);
    }

    private Http.Response postPerson(String body) {
        return http().post("/api/v1/persons", token, body);
    }

    @Test
    void malformedJson() {
        assertProblem(postPerson("{\"displayName\": \"x\", "), 400, "malformed-body");
        assertProblem(postPerson("not json at all"), 400, "malformed-body");
        assertProblem(postPerson("[1,2,3]"), 400, "malformed-body");
    }

    @Test
    void wrongTypes() {
        assertProblem(postPerson("{\"displayName\": \"x\", \"teamId\": 12}"), 400, "malformed-body");
        assertProblem(postPerson("{\"displayName\": {\"a\": 1}, \"teamId\": \"" + tenant.teamId + "\"}"), 400,
                "malformed-body");
        assertProblem(postPerson("{\"displayName\": \"x\", \"teamId\": \"not-a-uuid\"}"), 400, "malformed-body");
    }

    @Test
    void emptyBody() {
        var r = http().send("POST", "/api/v1/persons", token, "application/json", new byte[0]);
        assertTrue(r.status() == 400 || r.status() == 422, r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"));
    }

    @Test
    void missingAndInvalidFieldsNameTheField() {
        var r = postPerson("{\"teamId\": \"" + tenant.teamId + "\"}");
        assertProblem(r, 422, "validation");
        assertEquals("displayName", r.json().get("errors").get(0).get("field").getStringValue());

        var blank = postPerson("{\"displayName\": \"   \", \"teamId\": \"" + tenant.teamId + "\"}");
        assertProblem(blank, 422, "validation");

        var tooLong = postPerson(Http.toJson(Map.of("displayName", "x".repeat(201), "teamId", tenant.teamId.toString())));
        assertProblem(tooLong, 422, "validation");
    }

    @Test
    void referencesToUnknownRowsAreValidationErrorsNotServerErrors() {
        var r = postPerson(Http.toJson(Map.of("displayName", "A", "teamId", UUID.randomUUID().toString(),
                "coordinatorId", UUID.randomUUID().toString())));
        assertEquals(403, r.status(), "a team the leader does not lead is refused before it is looked up");

        var admin = tenant.staff("Admin", "administrator");
        var asAdmin = http().post("/api/v1/persons", tenant.token(admin), Http.toJson(Map.of("displayName", "A",
                "teamId", UUID.randomUUID().toString(), "coordinatorId", UUID.randomUUID().toString())));
        assertProblem(asAdmin, 422, "validation");
        assertEquals(2, asAdmin.json().get("errors").size());
    }

    @Test
    void unknownRoutesAndMethods() {
        assertProblem(http().get("/api/v1/does-not-exist", token), 404, "not-found");
        assertProblem(http().get("/", token), 404, "not-found");
        assertProblem(http().delete("/api/v1/me", token), 405, "method-not-allowed");
    }

    @Test
    void wrongParameterTypes() {
        assertProblem(http().get("/api/v1/persons/not-a-uuid", token), 400, "invalid-parameter");
        assertProblem(http().get("/api/v1/persons/" + UUID.randomUUID(), token), 404, "not-found");
    }

    @Test
    void wrongContentType() {
        var r = http().send("POST", "/api/v1/persons", token, "text/plain",
                "displayName=x".getBytes(StandardCharsets.UTF_8));
        assertProblem(r, 415, "unsupported-media-type");
    }

    @Test
    void oversizedBody() {
        String huge = "{\"displayName\": \"" + "x".repeat(100_000) + "\", \"teamId\": \"" + tenant.teamId + "\"}";
        var r = postPerson(huge);
        assertEquals(413, r.status(), r.body());
    }

    @Test
    void invalidGzip() {
        var r = http().send("POST", "/api/v1/persons", token, "application/json",
                "definitely not gzip".getBytes(StandardCharsets.UTF_8));
        assertTrue(r.status() >= 400 && r.status() < 500, r.body());
    }
}
