package no.samrad.infrastructure.error;

/** What kind of refusal an error is, and the one HTTP status each kind is answered with. */
public enum ErrorKind {
    /** The request is malformed or a value is out of range. */
    VALIDATION(400),
    /** No valid bearer token. */
    UNAUTHENTICATED(401),
    /** A valid token that does not entitle its holder to this request. */
    FORBIDDEN(403),
    /** The record named does not exist. */
    NOT_FOUND(404),
    /** The method is not offered on this resource. */
    METHOD_NOT_ALLOWED(405),
    /** The client asked for a representation Samråd does not produce. */
    NOT_ACCEPTABLE(406),
    /** The request is well formed but breaks a business rule in the record's current state. */
    RULE(409),
    /** Another change to the same record won the race. */
    CONCURRENCY(409),
    /** The request body is in a media type Samråd does not read. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** A fault in Samråd itself: a bug. */
    INTERNAL(500),
    /** A dependency such as the database is unavailable for now; the client may retry. */
    UNAVAILABLE(503);

    private final int status;

    ErrorKind(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
