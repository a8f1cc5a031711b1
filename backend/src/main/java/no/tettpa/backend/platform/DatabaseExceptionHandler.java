package no.tettpa.backend.platform;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import no.tettpa.backend.problem.Problem;
import no.tettpa.backend.problem.ProblemErrorResponseProcessor;
import no.tettpa.backend.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database failure under a request (a restart, a lost connection): nothing half-written stays, so the client
 * simply retries. Answered 503 with Retry-After, never 500.
 */
@Produces
@Singleton
public class DatabaseExceptionHandler implements ExceptionHandler<Jdbc.DatabaseUnavailable, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Jdbc.DatabaseUnavailable e) {
        LOG.warn("database failure on {}: {}", request.getPath(), e.getMessage());
        ProblemType t = ProblemType.UNAVAILABLE;
        return HttpResponse.<Problem>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "2")
                .contentType(ProblemErrorResponseProcessor.PROBLEM_JSON)
                .body(new Problem(t.uri(), t.title(), t.status(), "The database did not answer; retry the same request",
                        request.getPath(), java.util.List.of()));
    }
}
