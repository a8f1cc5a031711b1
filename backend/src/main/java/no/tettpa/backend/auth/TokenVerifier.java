package no.tettpa.backend.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.inject.Singleton;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates bearer tokens with Nimbus: the signature against the trusted issuer's JWKS (unknown key ids trigger
 * a rate-limited JWKS refresh, so key rotation works), an allow-list of asymmetric algorithms (so {@code none} and
 * HMAC tokens never verify), the issuer, the audience, and exp/nbf with a small clock-skew leeway.
 */
@Singleton
public class TokenVerifier {
    /** What a verified token says; the rest of Tettpå never sees the raw token. */
    public record VerifiedToken(String issuer, String subject, Optional<Set<String>> roles) {}

    /** A token that must be refused; the message is safe to return to the caller. */
    public static class InvalidTokenException extends Exception {
        public InvalidTokenException(String message) {
            super(message, null, false, false);
        }
    }

    /** The issuer's keys could not be fetched: not the caller's fault, so the answer is 503, not 401. */
    public static class KeysUnavailableException extends RuntimeException {
        public KeysUnavailableException(String message) {
            super(message, null, false, false);
        }
    }

    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

    private final AuthConfiguration config;
    private final String issuer;
    private final ConfigurableJWTProcessor<SecurityContext> processor;

    public TokenVerifier(AuthConfiguration config, DevIssuer devIssuer) {
        this.config = config;
        if (config.realIssuerConfigured()) {
            this.issuer = config.getIssuer();
            this.processor = processor(remoteKeys(config), allowedAlgorithms(config), issuer, config);
        } else if (devIssuer.enabled()) {
            this.issuer = devIssuer.issuer();
            this.processor = processor(new ImmutableJWKSet<>(devIssuer.publicKeys()), Set.of(JWSAlgorithm.ES256),
                    issuer, config);
        } else {
            this.issuer = null;
            this.processor = null;
        }
    }

    /** Verified tokens, kept at most a minute and never past their expiry: a signature check costs ~0.8 ms of CPU. */
    private record Cached(VerifiedToken token, long untilMillis) {}

    private static final int CACHE_LIMIT = 10_000;
    private static final long CACHE_MILLIS = 60_000;
    private final java.util.concurrent.ConcurrentHashMap<String, Cached> verified = new java.util.concurrent.ConcurrentHashMap<>();

    public VerifiedToken verify(String token) throws InvalidTokenException {
        long now = System.currentTimeMillis();
        Cached hit = verified.get(token);
        if (hit != null && hit.untilMillis() > now) {
            return hit.token();
        }
        VerifiedToken fresh = verifyNow(token);
        if (verified.size() >= CACHE_LIMIT) verified.clear();
        verified.put(token, new Cached(fresh, Math.min(now + CACHE_MILLIS, expiryMillis(token, now))));
        return fresh;
    }

    private long expiryMillis(String token, long now) {
        try {
            java.util.Date exp = com.nimbusds.jwt.JWTParser.parse(token).getJWTClaimsSet().getExpirationTime();
            return exp == null ? now : exp.getTime() + config.getClockSkew().toMillis();
        } catch (java.text.ParseException e) {
            return now;
        }
    }

    private VerifiedToken verifyNow(String token) throws InvalidTokenException {
        if (processor == null) {
            throw new InvalidTokenException("no token issuer is configured on this server");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (java.text.ParseException e) {
            throw new InvalidTokenException("the token is not a well-formed JWT");
        } catch (com.nimbusds.jose.proc.BadJOSEException e) {
            throw new InvalidTokenException(describe(e));
        } catch (com.nimbusds.jose.KeySourceException e) {
            throw new KeysUnavailableException(e.getMessage());
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new InvalidTokenException("the token could not be verified");
        }
        Object subject = claims.getClaim(config.getSubjectClaim());
        if (!(subject instanceof String s) || s.isBlank()) {
            throw new InvalidTokenException("the token has no '" + config.getSubjectClaim() + "' claim");
        }
        return new VerifiedToken(claims.getIssuer(), s, roles(claims));
    }

    private Optional<Set<String>> roles(JWTClaimsSet claims) {
        Object value = claims.getClaim(config.getRolesClaim());
        if (value instanceof java.util.Collection<?> list) {
            return Optional.of(list.stream().map(String::valueOf).collect(Collectors.toSet()));
        }
        if (value instanceof String single) {
            return Optional.of(Set.of(single.split("[ ,]+")));
        }
        return Optional.empty();
    }

    private static String describe(com.nimbusds.jose.proc.BadJOSEException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("Expired")) return "the token has expired";
        if (m.contains("before use time")) return "the token is not yet valid";
        if (m.contains("audience")) return "the token is not meant for this service (audience)";
        if (m.contains("iss")) return "the token comes from an issuer this server does not trust";
        if (m.contains("Unsecured") || m.contains("plain")) return "unsigned tokens are refused";
        if (m.contains("JWS algorithm") || m.contains("key candidates") || m.contains("matching key")) {
            return "the token's algorithm or key id is not accepted";
        }
        if (m.contains("signature")) return "the token's signature is invalid";
        if (m.contains("type")) return "the token's type header is not accepted";
        return "the token was refused";
    }

    private static ConfigurableJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys,
                                                                      Set<JWSAlgorithm> algorithms, String issuer,
                                                                      AuthConfiguration config) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null));
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                config.getAudience(),
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("exp", "iss", "aud"));
        claims.setMaxClockSkew((int) config.getClockSkew().toSeconds());
        p.setJWTClaimsSetVerifier(claims);
        return p;
    }

    private static Set<JWSAlgorithm> allowedAlgorithms(AuthConfiguration config) {
        Set<JWSAlgorithm> allowed = new HashSet<>();
        for (String name : config.getAlgorithms()) {
            JWSAlgorithm alg = JWSAlgorithm.parse(name.trim());
            if (!ASYMMETRIC.contains(alg)) {
                throw new IllegalStateException("TETTPA_OIDC_ALGORITHMS may only list asymmetric algorithms, not " + name);
            }
            allowed.add(alg);
        }
        return allowed;
    }

    /**
     * The issuer's keys, fetched on first use and cached by Nimbus (refreshed when an unknown key id arrives).
     * Discovery is lazy too, so a server starts while its identity provider is briefly unreachable.
     */
    private static JWKSource<SecurityContext> remoteKeys(AuthConfiguration config) {
        var resolved = new java.util.concurrent.atomic.AtomicReference<JWKSource<SecurityContext>>();
        return (selector, context) -> {
            JWKSource<SecurityContext> source = resolved.get();
            if (source == null) {
                String jwksUri = config.getJwksUri();
                if (jwksUri == null || jwksUri.isBlank()) {
                    try {
                        jwksUri = OidcDiscovery.jwksUri(config.getIssuer());
                    } catch (IllegalStateException e) {
                        throw new com.nimbusds.jose.KeySourceException(e.getMessage(), e);
                    }
                }
                try {
                    URL url = URI.create(jwksUri).toURL();
                    source = JWKSourceBuilder.create(url, new DefaultResourceRetriever(2000, 2000, 512 * 1024))
                            .retrying(true)
                            .build();
                } catch (MalformedURLException | IllegalArgumentException e) {
                    throw new com.nimbusds.jose.KeySourceException("the JWKS address is not a URL: " + jwksUri, e);
                }
                resolved.compareAndSet(null, source);
                source = resolved.get();
            }
            return source.get(selector, context);
        };
    }
}
