package no.samrad.cases.api;

import no.samrad.infrastructure.api.ErrorCode;
import no.samrad.infrastructure.api.ErrorKind;

public enum CaseErrors implements ErrorCode {
    /** A required value is missing or blank. */
    CASE_FIELD_REQUIRED(ErrorKind.VALIDATION),
    /** A field given that the case's kind does not have, or one missing that it needs. */
    CASE_KIND_FIELDS(ErrorKind.VALIDATION),
    /** A responsible party that is not a ministry. */
    RESPONSIBLE_NOT_A_MINISTRY(ErrorKind.VALIDATION),
    /** The meeting named is not in the record. */
    MEETING_UNKNOWN(ErrorKind.VALIDATION),
    /** A date that lies before the case was reported, or a report dated after its meeting. */
    CASE_DATE_INVALID(ErrorKind.VALIDATION),
    /** The command does not fit the case's state. */
    CASE_STATE_CONFLICT(ErrorKind.RULE),
    /** The meeting's state or agenda does not allow the command. */
    CASE_MEETING_CONFLICT(ErrorKind.RULE);

    private final ErrorKind kind;

    CaseErrors(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
