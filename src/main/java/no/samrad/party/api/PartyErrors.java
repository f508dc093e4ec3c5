package no.samrad.party.api;

import no.samrad.infrastructure.error.ErrorCode;
import no.samrad.infrastructure.error.ErrorKind;

public enum PartyErrors implements ErrorCode {
    /** A code that is not in the party register at all. */
    UNKNOWN_PARTY(ErrorKind.VALIDATION),
    /** A party that exists, but did not exist under that code on the command's effective date. */
    PARTY_NOT_VALID_ON_DATE(ErrorKind.RULE),
    /** The same party named twice in one list. */
    DUPLICATE_PARTY(ErrorKind.VALIDATION);

    private final ErrorKind kind;

    PartyErrors(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
