package no.samrad.infrastructure.api;

/** Error codes that do not belong to one business capability. */
public enum CommonErrors implements ErrorCode {
    INVALID_REQUEST(ErrorKind.VALIDATION),
    MALFORMED_JSON(ErrorKind.VALIDATION),
    DATE_IN_FUTURE(ErrorKind.VALIDATION),
    UNAUTHENTICATED(ErrorKind.UNAUTHENTICATED),
    FORBIDDEN(ErrorKind.FORBIDDEN),
    NOT_ENTITLED(ErrorKind.FORBIDDEN),
    NOT_FOUND(ErrorKind.NOT_FOUND),
    METHOD_NOT_ALLOWED(ErrorKind.METHOD_NOT_ALLOWED),
    READ_ONLY(ErrorKind.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(ErrorKind.NOT_ACCEPTABLE),
    UNSUPPORTED_MEDIA_TYPE(ErrorKind.UNSUPPORTED_MEDIA_TYPE),
    RECORD_EXISTS(ErrorKind.CONCURRENCY),
    CONCURRENT_MODIFICATION(ErrorKind.CONCURRENCY),
    VERSION_MISMATCH(ErrorKind.PRECONDITION_FAILED),
    IDEMPOTENCY_KEY_REUSED(ErrorKind.UNPROCESSABLE),
    IDEMPOTENCY_KEY_IN_USE(ErrorKind.IN_PROGRESS),
    PAYLOAD_TOO_LARGE(ErrorKind.PAYLOAD_TOO_LARGE),
    SERVICE_UNAVAILABLE(ErrorKind.UNAVAILABLE),
    INTERNAL_ERROR(ErrorKind.INTERNAL);

    private final ErrorKind kind;

    CommonErrors(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
