package no.tettpa.backend.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.tettpa.backend.problem.ProblemException;
import no.tettpa.backend.problem.ProblemType;
import no.tettpa.backend.org.StaffRepository;

import java.time.Duration;
import java.util.Map;

/** The development issuer's public keys and demo-token minting. Answers 404 whenever the issuer is off. */
@Controller("/dev-issuer")
@Tag(name = "development issuer")
public class DevIssuerController {
    /** The demo users seeded with the embedded default, by the short name used on the command line. */
    public static final Map<String, String> DEMO_SUBJECTS = Map.of(
            "worker", "demo-worker",
            "leader", "demo-leader",
            "partner", "demo-partner",
            "admin", "demo-admin");

    private static final Duration LIFETIME = Duration.ofHours(8);

    private final DevIssuer issuer;
    private final StaffRepository staff;

    public DevIssuerController(DevIssuer issuer, StaffRepository staff) {
        this.issuer = issuer;
        this.staff = staff;
    }

    @Serdeable
    public record TokenResponse(String access_token, String token_type, long expires_in, String subject,
                                java.util.List<String> roles) {}

    @Get(value = "/jwks.json", produces = "application/jwk-set+json")
    @Operation(summary = "The development issuer's public signing keys (JWKS)")
    public String jwks() {
        requireEnabled();
        return issuer.publicKeys().toString();
    }

    @Post("/token")
    @Operation(summary = "Mint a demo token: user=worker|leader|partner|admin, or subject= any staff subject")
    public TokenResponse token(@QueryValue @Nullable String user, @QueryValue @Nullable String subject) {
        requireEnabled();
        String sub = subject != null ? subject : DEMO_SUBJECTS.get(user == null ? "worker" : user);
        if (sub == null) {
            throw new ProblemException(ProblemType.INVALID_PARAMETER,
                    "user must be one of " + String.join(", ", new java.util.TreeSet<>(DEMO_SUBJECTS.keySet())));
        }
        var member = staff.findByIssuerAndSubject(issuer.issuer(), sub)
                .orElseThrow(() -> ProblemException.notFound("staff member with subject '" + sub + "'"));
        String token = issuer.mint(sub, member.roles(), LIFETIME);
        return new TokenResponse(token, "Bearer", LIFETIME.toSeconds(), sub, member.roles());
    }

    private void requireEnabled() {
        if (!issuer.enabled()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No resource at this path");
        }
    }
}
