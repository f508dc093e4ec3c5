package no.samrad.infrastructure.api;

/**
 * Refuses a command whose required value is missing or blank, with the capability's own code:
 * {@code "title is required."}, blaming the field.
 */
public final class RequiredFields {

    private final ErrorCode code;

    public RequiredFields(ErrorCode code) {
        this.code = code;
    }

    /** The value, or a refusal when it is {@code null}. */
    public <T> T present(T value, String field) {
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    /** The text stripped of surrounding white space, or a refusal when it is {@code null} or blank. */
    public String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw missing(field);
        }
        return value.strip();
    }

    public DomainException missing(String field) {
        return new DomainException(code, field + " is required.", field);
    }
}
