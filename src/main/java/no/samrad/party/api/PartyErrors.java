package no.samrad.party.api;

import no.samrad.infrastructure.api.ErrorCode;
import no.samrad.infrastructure.api.ErrorKind;

public enum PartyErrors implements ErrorCode {
    /** A code that is not in the party register at all. */
    UNKNOWN_PARTY(ErrorKind.VALIDATION),
    /** A party that exists, but did not exist under that code on the command's effective date. */
    PARTY_NOT_VALID_ON_DATE(ErrorKind.RULE),
    /** The same party named twice in one list. */
    DUPLICATE_PARTY(ErrorKind.VALIDATION),
    /** A change of the register lacks a required value (a name, a date, a source). */
    PARTY_FIELD_REQUIRED(ErrorKind.VALIDATION),
    /** A code that is not written as the sources write codes: capital letters and digits. */
    PARTY_CODE_INVALID(ErrorKind.VALIDATION),
    /** An organisation number that is not nine digits with a valid control digit. */
    ORGANISATION_NUMBER_INVALID(ErrorKind.VALIDATION),
    /** Another party carries the code in the period the change would give it. */
    PARTY_CODE_IN_USE(ErrorKind.RULE),
    /** A change the register's state does not allow: a party that no longer exists, a date before its start. */
    REORGANISATION_INVALID(ErrorKind.RULE);

    private final ErrorKind kind;

    PartyErrors(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
