package no.tettpa.backend.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import no.tettpa.backend.demo.DemoData;
import no.tettpa.backend.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run command's default: embedded PostgreSQL in the data directory, demo data, development issuer. */
class EmbeddedDefaultTest {
    @TempDir
    Path dataDir;

    @Test
    void demoTokenWorksAndDataSurvivesARestart() throws Exception {
        String personId;
        String kid;
        try (var run = start()) {
            Http http = run.http;
            assertEquals(401, http.get("/api/v1/me", null).status());
            String token = run.token("leader");
            var me = http.get("/api/v1/me", token);
            assertEquals(200, me.status(), me.body());
            assertEquals("Lise Leder", me.json().get("displayName").getStringValue());

            var created = http.post("/api/v1/persons", token, Http.toJson(Map.of(
                    "displayName", "Written Before Restart", "teamId", DemoData.TEAM_HOUSING_FIRST.toString())));
            assertEquals(201, created.status(), created.body());
            personId = created.json().get("id").getStringValue();
            kid = http.get("/dev-issuer/jwks.json", null).json().get("keys").get(0).get("kid").getStringValue();
        }
        assertTrue(Files.exists(dataDir.resolve("pgdata").resolve("PG_VERSION")));
        assertTrue(Files.exists(dataDir.resolve("dev-issuer").resolve("signing-key.jwk.json")));

        try (var run = start()) {
            String token = run.token("leader");
            var again = run.http.get("/api/v1/persons/" + personId, token);
            assertEquals(200, again.status(), again.body());
            assertEquals("Written Before Restart", again.json().get("displayName").getStringValue());
            assertEquals(kid, run.http.get("/dev-issuer/jwks.json", null).json().get("keys").get(0).get("kid")
                    .getStringValue(), "the development key is kept in the data directory");
            var caseload = run.http.get("/api/v1/persons", token).json();
            long named = 0;
            for (int i = 0; i < caseload.size(); i++) {
                if (caseload.get(i).get("displayName").getStringValue().equals("Written Before Restart")) named++;
            }
            assertEquals(1, named, "demo data is seeded once, not again on restart");
        }
    }

    private Run start() {
        DatabaseBootstrap db = DatabaseBootstrap.fromEnvironment(Map.of("TETTPA_DATA_DIR", dataDir.toString()));
        Map<String, Object> props = new HashMap<>(db.micronautProperties());
        props.put("micronaut.server.port", -1);
        ApplicationContext ctx = ApplicationContext.builder().properties(props).start();
        EmbeddedServer server = ctx.getBean(EmbeddedServer.class).start();
        return new Run(db, ctx, server, new Http(server.getURI()));
    }

    private record Run(DatabaseBootstrap db, ApplicationContext ctx, EmbeddedServer server, Http http)
            implements AutoCloseable {
        String token(String user) {
            var r = http.send("POST", "/dev-issuer/token?user=" + user, null, null, null);
            assertEquals(200, r.status(), r.body());
            return r.json().get("access_token").getStringValue();
        }

        @Override
        public void close() throws Exception {
            server.stop();
            ctx.close();
            db.close();
        }
    }
}
