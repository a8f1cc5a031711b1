package no.tettpa.backend.platform;

import no.tettpa.backend.support.ApiTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthTest extends ApiTest {
    @Test
    void healthAndReadinessAnswerWithoutAToken() {
        for (String path : new String[] {"/health", "/health/readiness", "/health/liveness"}) {
            var r = http().get(path, null);
            assertEquals(200, r.status(), path);
            assertEquals("UP", r.json().get("status").getStringValue(), path);
        }
    }

    @Test
    void healthShowsNoDetailsToAnonymousCallers() {
        var r = http().get("/health", null);
        assertEquals(null, r.json().get("details"));
    }

    @Test
    void theOpenApiDocumentIsServedAtAStablePath() {
        var r = http().get("/openapi/tettpa.yml", null);
        assertEquals(200, r.status());
        assertTrue(r.body().startsWith("openapi: 3"), r.body());
        assertTrue(r.body().contains("/api/v1/persons"));
    }
}
