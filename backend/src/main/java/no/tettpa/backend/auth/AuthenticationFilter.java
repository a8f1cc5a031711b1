package no.tettpa.backend.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import no.tettpa.backend.problem.Problem;
import no.tettpa.backend.problem.ProblemErrorResponseProcessor;
import no.tettpa.backend.problem.ProblemType;

import java.util.Optional;

/**
 * Deny by default: every path needs a valid bearer token mapped to an active staff member, except the few
 * listed in {@link #isPublic}. Runs on the blocking pool because it may fetch the issuer's keys and reads the
 * staff record.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AuthenticationFilter {
    public static final String CALLER_ATTRIBUTE = "tettpa.caller";

    private final TokenVerifier verifier;
    private final CallerResolver callers;

    public AuthenticationFilter(TokenVerifier verifier, CallerResolver callers) {
        this.verifier = verifier;
        this.callers = callers;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public MutableHttpResponse<?> authenticate(HttpRequest<?> request) {
        if (isPublic(request.getPath())) {
            return null;
        }
        Optional<String> header = request.getHeaders().getAuthorization();
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return unauthorized(request, "A bearer token is required", null);
        }
        String token = header.get().substring(7).trim();
        TokenVerifier.VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        } catch (TokenVerifier.InvalidTokenException e) {
            return unauthorized(request, e.getMessage(), "invalid_token");
        } catch (TokenVerifier.KeysUnavailableException e) {
            return problem(request, ProblemType.UNAVAILABLE, "The identity provider's keys could not be fetched");
        }
        Optional<Caller> caller = callers.resolve(verified);
        if (caller.isEmpty()) {
            return problem(request, ProblemType.FORBIDDEN,
                    "The token is valid but belongs to no active staff member of Tettpå");
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller.get());
        return null;
    }

    static boolean isPublic(String path) {
        return path.equals("/health") || path.startsWith("/health/")
                || path.startsWith("/openapi/")
                || path.startsWith("/dev-issuer/");
    }

    private static MutableHttpResponse<?> unauthorized(HttpRequest<?> request, String detail, String error) {
        String challenge = error == null ? "Bearer realm=\"tettpa\""
                : "Bearer realm=\"tettpa\", error=\"" + error + "\"";
        return problem(request, ProblemType.UNAUTHORIZED, detail).header("WWW-Authenticate", challenge);
    }

    private static MutableHttpResponse<?> problem(HttpRequest<?> request, ProblemType type, String detail) {
        return HttpResponse.status(HttpStatus.valueOf(type.status()))
                .contentType(ProblemErrorResponseProcessor.PROBLEM_JSON)
                .body(new Problem(type.uri(), type.title(), type.status(), detail, request.getPath(), java.util.List.of()));
    }
}
