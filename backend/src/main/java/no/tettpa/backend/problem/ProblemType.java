package no.tettpa.backend.problem;

/**
 * The catalogue of problem types Tettpå answers with. The slug is part of the API: never rename one.
 */
public enum ProblemType {
    MALFORMED_BODY("malformed-body", 400, "The request body is not valid JSON for this operation"),
    INVALID_PARAMETER("invalid-parameter", 400, "A parameter has the wrong type or format"),
    VALIDATION("validation", 422, "The request is well-formed but breaks a rule"),
    BAD_REQUEST("bad-request", 400, "The request cannot be processed"),
    INVALID_CHECKPOINT("invalid-checkpoint", 400, "The checkpoint is damaged; pull again from the start"),
    TOO_MANY_MUTATIONS("too-many-mutations", 413, "Too many mutations in one request; send them in smaller batches"),
    UNAUTHORIZED("unauthorized", 401, "A valid bearer token is required"),
    DEVICE_REVOKED("device-revoked", 403, "This device has been revoked; it must wipe its data"),
    FORBIDDEN("forbidden", 403, "You may not do this"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed on this resource"),
    NOT_ACCEPTABLE("not-acceptable", 406, "No acceptable representation"),
    CONFLICT("conflict", 409, "The request conflicts with the current state"),
    GONE("gone", 410, "No longer available"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported content type"),
    UPGRADE_REQUIRED("upgrade-required", 426, "This client version is no longer served; upgrade the app"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
    INTERNAL("internal", 500, "Something went wrong on our side"),
    UNAVAILABLE("unavailable", 503, "Temporarily unavailable; retry later");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return Problem.TYPE_PREFIX + slug;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 410 -> GONE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> VALIDATION;
            case 426 -> UPGRADE_REQUIRED;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }
}
