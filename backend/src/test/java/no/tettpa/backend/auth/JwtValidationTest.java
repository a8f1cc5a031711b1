package no.tettpa.backend.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import no.tettpa.backend.org.Staff;
import no.tettpa.backend.support.ApiTest;
import no.tettpa.backend.support.FakeIdentityProvider;
import no.tettpa.backend.support.Http;
import no.tettpa.backend.support.TestTenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a bearer token must be refused, against a real issuer's discovery document and JWKS. */
class JwtValidationTest extends ApiTest {
    private final FakeIdentityProvider idp = new FakeIdentityProvider();
    private Staff worker;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "tettpa.auth.issuer", idp.issuer(),
                "tettpa.auth.audience", "tettpa-test",
                "tettpa.auth.clock-skew", "30s",
                "tettpa.auth.dev-issuer", "true");
    }

    @BeforeAll
    void registerStaff() {
        TestTenants.Tenant tenant = tenants.create();
        worker = tenant.staff("Real Worker", "field-worker", tenant.teamId);
        // TestTenants registers staff under the development issuer; this staff member signs in at the fake IdP.
        worker = new Staff(worker.id(), worker.municipalityId(), worker.displayName(), idp.issuer(), worker.subject(),
                worker.roles(), true);
        server.getApplicationContext().getBean(no.tettpa.backend.org.StaffRepository.class).update(worker);
    }

    @AfterAll
    void stopIdp() {
        idp.close();
    }

    private JWTClaimsSet.Builder valid() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(idp.issuer())
                .audience("tettpa-test")
                .subject(worker.subject())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private Http.Response me(String token) {
        return http().get("/api/v1/me", token);
    }

    private void assertRefused(String token, String why) {
        var r = me(token);
        assertEquals(401, r.status(), why + ": " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), why);
        assertEquals("unauthorized", r.problemType(), why);
        assertTrue(r.headers().firstValue("www-authenticate").orElse("").startsWith("Bearer"), why);
    }

    @Test
    void acceptsRs256AndEs256TokensFromTheIssuer() {
        assertEquals(200, me(idp.signRs256(valid().build())).status());
        assertEquals(200, me(idp.signEs256(valid().build())).status());
    }

    @Test
    void refusesAMissingOrNonBearerAuthorization() {
        assertRefused(null, "no header");
        var basic = http().send("GET", "/api/v1/me", null, null, null);
        assertEquals(401, basic.status());
        var r = http().send("GET", "/api/v1/me", null, null, null);
        assertEquals(401, r.status());
        assertRefused("not-a-jwt", "garbage");
    }

    @Test
    void refusesAlgNone() {
        assertRefused(new PlainJWT(valid().build()).serialize(), "alg none");
        // also a hand-made header claiming none with an empty signature part
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)).toString();
        String payload = Base64URL.encode(valid().build().toString().getBytes(StandardCharsets.UTF_8)).toString();
        assertRefused(header + "." + payload + ".", "alg none, hand-made");
    }

    @Test
    void refusesAnHmacTokenSignedWithThePublicKey() throws Exception {
        byte[] publicKeyBytes = idp.rsa.toRSAPublicKey().getEncoded();
        byte[] secret = java.util.Arrays.copyOf(publicKeyBytes, Math.max(32, publicKeyBytes.length));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(idp.rsa.getKeyID())
                .type(JOSEObjectType.JWT).build(), valid().build());
        jwt.sign(new MACSigner(secret));
        assertRefused(jwt.serialize(), "HS256 with the RSA public key as secret");
    }

    @Test
    void refusesExpiredTokensButAllowsSmallClockSkew() {
        Instant now = Instant.now();
        assertRefused(idp.signRs256(valid().expirationTime(Date.from(now.minusSeconds(120))).build()), "expired");
        assertEquals(200, me(idp.signRs256(valid().expirationTime(Date.from(now.minusSeconds(10))).build())).status(),
                "10 s past expiry is within the 30 s leeway");
    }

    @Test
    void refusesTokensNotYetValid() {
        Instant now = Instant.now();
        assertRefused(idp.signRs256(valid().notBeforeTime(Date.from(now.plusSeconds(600))).build()), "nbf in future");
        assertEquals(200, me(idp.signRs256(valid().notBeforeTime(Date.from(now.plusSeconds(10))).build())).status());
    }

    @Test
    void refusesAWrongIssuer() {
        assertRefused(idp.signRs256(valid().issuer("https://evil.example/realms/test-kommune").build()), "issuer");
    }

    @Test
    void refusesAWrongAudience() {
        assertRefused(idp.signRs256(valid().audience("another-service").build()), "audience");
    }

    @Test
    void refusesMissingExpiry() {
        assertRefused(idp.signRs256(valid().expirationTime(null).build()), "no exp");
    }

    @Test
    void refusesAnUnknownKeyId() throws Exception {
        var stranger = new RSAKeyGenerator(2048).keyID("unknown-kid").generate();
        String token = FakeIdentityProvider.sign(valid().build(),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("unknown-kid").type(JOSEObjectType.JWT).build(), stranger);
        assertRefused(token, "unknown kid");
    }

    @Test
    void refusesAKnownKeyIdSignedByAnotherKey() throws Exception {
        var stranger = new RSAKeyGenerator(2048).generate();
        String token = FakeIdentityProvider.sign(valid().build(),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(idp.rsa.getKeyID()).type(JOSEObjectType.JWT).build(), stranger);
        assertRefused(token, "forged signature");
    }

    @Test
    void refusesATamperedPayload() {
        String token = idp.signRs256(valid().build());
        String[] parts = token.split("\\.");
        String forged = valid().subject("someone-else").claim("roles", List.of("administrator")).build().toString();
        assertRefused(parts[0] + "." + Base64URL.encode(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2],
                "tampered payload");
    }

    @Test
    void aValidTokenOfNoStaffMemberIsForbidden() {
        var r = me(idp.signRs256(valid().subject("stranger-" + UUID.randomUUID()).build()));
        assertEquals(403, r.status());
        assertEquals("forbidden", r.problemType());
    }

    @Test
    void theTokensRolesClaimCanNarrowButNeverWiden() {
        var narrowed = me(idp.signRs256(valid().claim("roles", List.of("administrator")).build()));
        assertEquals(403, narrowed.status(), "a worker claiming only administrator gets no role at all");
        var same = me(idp.signRs256(valid().claim("roles", List.of("field-worker", "administrator")).build()));
        assertEquals(200, same.status());
        assertEquals(List.of("field-worker"), List.of(same.json().get("roles").get(0).getStringValue()));
    }

    @Test
    void theDevelopmentIssuerIsOffWhenARealIssuerIsConfigured() {
        assertEquals(404, http().send("POST", "/dev-issuer/token?user=worker", null, null, null).status());
        assertEquals(404, http().get("/dev-issuer/jwks.json", null).status());
    }
}
