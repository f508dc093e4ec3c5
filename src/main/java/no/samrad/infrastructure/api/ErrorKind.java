package no.samrad.infrastructure.api;

/** What kind of refusal an error is, and the one HTTP status each kind is answered with. */
public enum ErrorKind {
    /** The request is malformed or a value is out of range. */
    VALIDATION(400, "Bad Request"),
    /** No valid bearer token. */
    UNAUTHENTICATED(401, "Unauthorized"),
    /** A valid token that does not entitle its holder to this request. */
    FORBIDDEN(403, "Forbidden"),
    /** The record named does not exist. */
    NOT_FOUND(404, "Not Found"),
    /** The method is not offered on this resource. */
    METHOD_NOT_ALLOWED(405, "Method Not Allowed"),
    /** The client asked for a representation Samråd does not produce. */
    NOT_ACCEPTABLE(406, "Not Acceptable"),
    /** The request is well formed but breaks a business rule in the record's current state. */
    RULE(409, "Conflict"),
    /** Another change to the same record won the race. */
    CONCURRENCY(409, "Conflict"),
    /** The same request is still being answered; the client may retry after a moment. */
    IN_PROGRESS(409, "Conflict", 1),
    /** The record has changed since the version the client named in {@code If-Match}. */
    PRECONDITION_FAILED(412, "Precondition Failed"),
    /** The request body is larger than Samråd accepts. */
    PAYLOAD_TOO_LARGE(413, "Content Too Large"),
    /** The request body is in a media type Samråd does not read. */
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type"),
    /** Well formed, but not to be processed as sent (an idempotency key reused for another request). */
    UNPROCESSABLE(422, "Unprocessable Content"),
    /** A fault in Samråd itself: a bug. */
    INTERNAL(500, "Internal Server Error"),
    /** A dependency such as the database is unavailable for now; the client may retry. */
    UNAVAILABLE(503, "Service Unavailable", 5);

    private final int status;
    private final String title;
    private final int retryAfterSeconds;

    ErrorKind(int status, String title) {
        this(status, title, 0);
    }

    ErrorKind(int status, String title, int retryAfterSeconds) {
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** The status's name, as RFC 9110 gives it, for the problem document's {@code title}. */
    public String title() {
        return title;
    }

    /** The seconds a client is told to wait before it retries ({@code Retry-After}), or 0 for none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
