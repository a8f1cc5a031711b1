package no.tettpa.backend.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The development issuer: an ES256 key generated at first start and kept in the data directory, its public
 * JWKS served at {@code /dev-issuer/jwks.json}, and tokens minted for demo users. It is enabled only for the
 * embedded default (or when {@code TETTPA_DEV_ISSUER=true}) and never while a real issuer is configured.
 */
@Singleton
public class DevIssuer {
    /** A reserved (.invalid) name, so a development token can never pass for a real issuer's. */
    public static final String ISSUER = "https://dev-issuer.tettpa.invalid";

    private final boolean enabled;
    private final String audience;
    private final Path dataDirectory;
    private volatile ECKey signingKey;

    public DevIssuer(AuthConfiguration config,
                     @Property(name = "tettpa.database.embedded", defaultValue = "false") boolean embeddedDatabase,
                     @Property(name = "tettpa.data-directory") String dataDirectory) {
        this.enabled = !config.realIssuerConfigured() && switch (config.getDevIssuer().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> embeddedDatabase;
        };
        this.audience = config.getAudience();
        this.dataDirectory = Path.of(dataDirectory);
    }

    public boolean enabled() {
        return enabled;
    }

    public String issuer() {
        return ISSUER;
    }

    public JWKSet publicKeys() {
        return new JWKSet(key().toPublicJWK());
    }

    /** Mints an access token for a subject; for demo users and tests only. */
    public String mint(String subject, List<String> roles, Duration lifetime) {
        return mint(new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("roles", roles)
                .expirationTime(Date.from(Instant.now().plus(lifetime)))
                .build());
    }

    /** Signs claims as given, filling in issuer, audience, iat and jti when absent. */
    public String mint(JWTClaimsSet claims) {
        requireEnabled();
        Map<String, Object> all = new java.util.HashMap<>(claims.getClaims());
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder(claims);
        if (!all.containsKey("iss")) builder.issuer(ISSUER);
        if (!all.containsKey("aud")) builder.audience(audience);
        if (!all.containsKey("iat")) builder.issueTime(new Date());
        if (!all.containsKey("jti")) builder.jwtID(UUID.randomUUID().toString());
        try {
            ECKey key = key();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), builder.build());
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a development token", e);
        }
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new IllegalStateException("the development issuer is off");
        }
    }

    private ECKey key() {
        ECKey key = signingKey;
        if (key == null) {
            synchronized (this) {
                if (signingKey == null) {
                    signingKey = loadOrGenerate();
                }
                key = signingKey;
            }
        }
        return key;
    }

    private ECKey loadOrGenerate() {
        Path file = dataDirectory.resolve("dev-issuer").resolve("signing-key.jwk.json");
        try {
            if (Files.exists(file)) {
                return ECKey.parse(Files.readString(file));
            }
            ECKey generated = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate();
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, generated.toJSONString(), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the data directory's own protection applies
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the development issuer's key in " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the development issuer's key in " + file + " is unreadable", e);
        }
    }
}
