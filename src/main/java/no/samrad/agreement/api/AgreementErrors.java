package no.samrad.agreement.api;

import no.samrad.infrastructure.api.ErrorCode;
import no.samrad.infrastructure.api.ErrorKind;

public enum AgreementErrors implements ErrorCode {
    /** The agreement a new one continues does not exist, is only proposed, or was entered after it. */
    CONTINUATION_INVALID(ErrorKind.RULE),
    /** The coordinating ministry named is not one of the agreement's ministries. */
    COORDINATOR_INVALID(ErrorKind.VALIDATION),
    /** A required value is missing or blank. */
    AGREEMENT_FIELD_REQUIRED(ErrorKind.VALIDATION),
    /** The expiry date is not after the entry date. */
    EXPIRY_NOT_AFTER_ENTRY(ErrorKind.VALIDATION),
    /** The year the first agreement of the line was entered lies after this entry. */
    FIRST_ENTERED_AFTER_ENTRY(ErrorKind.VALIDATION),
    /** An agreement needs the municipal sector's organisation and at least one ministry. */
    PARTIES_INCOMPLETE(ErrorKind.VALIDATION),
    /** The command does not fit the agreement's current state. */
    AGREEMENT_STATE_CONFLICT(ErrorKind.RULE),
    /** A renewal's new term does not follow the current one. */
    RENEWAL_TERM_INVALID(ErrorKind.RULE),
    /** A correction would put the current term before the term it renewed. */
    TERMS_OUT_OF_ORDER(ErrorKind.RULE),
    /** A date lies outside the agreement's current term. */
    DATE_OUTSIDE_TERM(ErrorKind.RULE),
    /** An agreement was named as its own successor, or the successor does not exist. */
    SUCCESSOR_INVALID(ErrorKind.RULE),
    /** Expiry was asked for before the expiry date had passed. */
    NOT_YET_DUE(ErrorKind.RULE);

    private final ErrorKind kind;

    AgreementErrors(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
