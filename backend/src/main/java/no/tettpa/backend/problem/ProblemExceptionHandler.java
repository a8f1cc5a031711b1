package no.tettpa.backend.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Produces
@Singleton
public class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        Problem problem = exception.toProblem();
        Problem withInstance = new Problem(problem.type(), problem.title(), problem.status(), problem.detail(),
                request.getPath(), problem.errors());
        return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                .body(withInstance)
                .contentType(ProblemErrorResponseProcessor.PROBLEM_JSON);
    }
}
