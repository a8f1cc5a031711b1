package no.tettpa.backend.problem;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

import java.util.List;
import java.util.Optional;

/**
 * Turns every error Micronaut produces (unknown route, wrong method, unreadable body, failed conversion,
 * failed bean validation, uncaught exception) into an RFC 9457 problem document, whatever the Accept header.
 */
@Singleton
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        Problem problem = toProblem(context, response.status().getCode());
        return ((MutableHttpResponse<Problem>) response).status(problem.status()).body(problem)
                .contentType(PROBLEM_JSON);
    }

    private static Problem toProblem(ErrorContext context, int status) {
        Optional<Throwable> cause = context.getRootCause();
        if (cause.isPresent() && cause.get() instanceof ProblemException pe) {
            return pe.toProblem();
        }
        ProblemType type = classify(cause.orElse(null), status);
        String detail = status >= 500 ? "The error was logged; retry later or contact support"
                : detailFrom(context, cause.orElse(null), type);
        List<Problem.FieldError> errors = fieldErrors(cause.orElse(null));
        // A failed bean validation is a 422 like every other rule Tettpå checks, not Micronaut's 400.
        int answered = type == ProblemType.VALIDATION ? type.status() : status;
        return new Problem(type.uri(), type.title(), answered, detail, context.getRequest().getPath(), errors);
    }

    private static ProblemType classify(Throwable cause, int status) {
        if (status == 400 && cause != null) {
            if (cause instanceof ConstraintViolationException) {
                return ProblemType.VALIDATION;
            }
            if (isBodyParseFailure(cause)) {
                return ProblemType.MALFORMED_BODY;
            }
            if (cause instanceof ConversionErrorException || cause instanceof UnsatisfiedRouteException) {
                return ProblemType.INVALID_PARAMETER;
            }
        }
        return ProblemType.forStatus(status);
    }

    private static boolean isBodyParseFailure(Throwable cause) {
        if (cause instanceof ConversionErrorException conversion
                && conversion.getArgument().getAnnotationMetadata().hasAnnotation(io.micronaut.http.annotation.Body.class)) {
            return true;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CodecException || t.getClass().getName().startsWith("com.fasterxml.jackson.core")
                    || t.getClass().getName().startsWith("io.micronaut.serde")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String detailFrom(ErrorContext context, Throwable cause, ProblemType type) {
        if (type == ProblemType.MALFORMED_BODY) {
            return "The body could not be read as the expected JSON";
        }
        if (type == ProblemType.NOT_FOUND) {
            return "No resource at this path";
        }
        if (cause instanceof ConversionErrorException conversion) {
            return "Parameter '" + conversion.getArgument().getName() + "' has the wrong type or format";
        }
        if (cause instanceof UnsatisfiedRouteException unsatisfied) {
            return "Required parameter '" + unsatisfied.getArgument().getName() + "' is missing";
        }
        if (!context.getErrors().isEmpty()) {
            return context.getErrors().get(0).getMessage();
        }
        return type.title();
    }

    private static List<Problem.FieldError> fieldErrors(Throwable cause) {
        if (cause instanceof ConstraintViolationException cve) {
            return cve.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                    .toList();
        }
        return List.of();
    }

    private static String lastNode(String path) {
        // "create.request.name" → "name": the method and parameter names are not part of the API.
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }
}
