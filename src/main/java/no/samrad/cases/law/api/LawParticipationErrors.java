package no.samrad.cases.law.api;

import no.samrad.infrastructure.api.ErrorCode;
import no.samrad.infrastructure.api.ErrorKind;

public enum LawParticipationErrors implements ErrorCode {
    /** The case named exists but is of another kind. */
    NOT_A_LAW_PARTICIPATION_CASE(ErrorKind.NOT_FOUND),
    /** A required value is missing or blank. */
    LAW_FIELD_REQUIRED(ErrorKind.VALIDATION),
    /** The command does not fit the request's state. */
    LAW_PARTICIPATION_STATE_CONFLICT(ErrorKind.RULE),
    /** That milestone has been recorded already. */
    MILESTONE_ALREADY_RECORDED(ErrorKind.RULE),
    /** The milestone's date does not fit the order of a law's making (consultation, bill, in force). */
    MILESTONE_OUT_OF_ORDER(ErrorKind.RULE);

    private final ErrorKind kind;

    LawParticipationErrors(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
