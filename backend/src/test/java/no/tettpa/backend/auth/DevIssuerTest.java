package no.tettpa.backend.auth;

import no.tettpa.backend.demo.DemoData;
import no.tettpa.backend.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevIssuerTest extends ApiTest {
    @TempDir
    Path keyDir;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("tettpa.demo-data", "true");
    }

    @Test
    void mintsTokensForEachDemoUser() {
        Map<String, String> expected = Map.of("worker", "field-worker", "leader", "team-leader",
                "partner", "partner", "admin", "administrator");
        expected.forEach((user, role) -> {
            var minted = http().send("POST", "/dev-issuer/token?user=" + user, null, null, null);
            assertEquals(200, minted.status(), minted.body());
            String token = minted.json().get("access_token").getStringValue();
            var me = http().get("/api/v1/me", token);
            assertEquals(200, me.status(), me.body());
            assertEquals(role, me.json().get("roles").get(0).getStringValue());
            assertEquals(DemoData.MUNICIPALITY.toString(), me.json().get("municipalityId").getStringValue());
        });
    }

    @Test
    void demoDataHasPersonsOnTheWorkersCaseload() {
        String token = http().send("POST", "/dev-issuer/token?user=worker", null, null, null)
                .json().get("access_token").getStringValue();
        var caseload = http().get("/api/v1/persons", token);
        assertEquals(200, caseload.status());
        assertTrue(caseload.json().size() >= 2, caseload.body());
    }

    @Test
    void servesItsPublicKeysOnly() {
        var jwks = http().get("/dev-issuer/jwks.json", null);
        assertEquals(200, jwks.status());
        var key = jwks.json().get("keys").get(0);
        assertEquals("EC", key.get("kty").getStringValue());
        assertEquals(null, key.get("d"), "the private part never leaves the server");
    }

    @Test
    void unknownDemoUserIsABadRequest() {
        var r = http().send("POST", "/dev-issuer/token?user=root", null, null, null);
        assertEquals(400, r.status());
        assertEquals("invalid-parameter", r.problemType());
    }

    @Test
    void keepsItsKeyInTheDataDirectoryAcrossRestarts() throws Exception {
        AuthConfiguration config = new AuthConfiguration();
        DevIssuer first = new DevIssuer(config, true, keyDir.toString());
        String kid = first.publicKeys().getKeys().get(0).getKeyID();
        Path file = keyDir.resolve("dev-issuer/signing-key.jwk.json");
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        DevIssuer second = new DevIssuer(config, true, keyDir.toString());
        assertEquals(kid, second.publicKeys().getKeys().get(0).getKeyID());
    }

    @Test
    void isOnForTheEmbeddedDefaultAndOffWheneverARealIssuerIsSet() {
        AuthConfiguration auto = new AuthConfiguration();
        assertTrue(new DevIssuer(auto, true, keyDir.toString()).enabled());
        assertFalse(new DevIssuer(auto, false, keyDir.toString()).enabled(), "a configured database needs opt-in");

        AuthConfiguration forced = new AuthConfiguration();
        forced.setDevIssuer("true");
        assertTrue(new DevIssuer(forced, false, keyDir.toString()).enabled());

        AuthConfiguration real = new AuthConfiguration();
        real.setDevIssuer("true");
        real.setIssuer("https://idporten.no");
        assertFalse(new DevIssuer(real, true, keyDir.toString()).enabled());
    }
}
