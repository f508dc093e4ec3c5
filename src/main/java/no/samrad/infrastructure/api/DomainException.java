package no.samrad.infrastructure.api;

/**
 * A refusal decided by Samråd's own rules, with a stable code and a message fit for the client.
 * It never carries SQL, class names or other internals.
 */
public class DomainException extends RuntimeException {

    private final transient ErrorCode code;
    private final String field;

    public DomainException(ErrorCode code, String detail) {
        this(code, detail, null);
    }

    /**
     * @param field the request field that caused the refusal, as a JSON pointer-like dotted path,
     *              or {@code null} when no single field is to blame
     */
    public DomainException(ErrorCode code, String detail, String field) {
        super(detail, null, false, false);
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    public String field() {
        return field;
    }
}
