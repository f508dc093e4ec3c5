package no.samrad.meeting.api;

import no.samrad.infrastructure.api.ErrorCode;
import no.samrad.infrastructure.api.ErrorKind;

public enum MeetingErrors implements ErrorCode {
    /** A required value is missing or blank. */
    MEETING_FIELD_REQUIRED(ErrorKind.VALIDATION),
    /** A bilateral meeting names its ministry; the others name none. */
    MEETING_MINISTRY_MISMATCH(ErrorKind.VALIDATION),
    /** A consultation meeting's number is missing or out of range, or another meeting was given one. */
    MEETING_NUMBER_INVALID(ErrorKind.VALIDATION),
    /** The budget year lies before the meeting's year or more than one year after it. */
    BUDGET_YEAR_INVALID(ErrorKind.VALIDATION),
    /** The command does not fit the meeting's state. */
    MEETING_STATE_CONFLICT(ErrorKind.RULE),
    /** The day given is not one the meeting's scheduled date may mean. */
    MEETING_DATE_MISMATCH(ErrorKind.RULE);

    private final ErrorKind kind;

    MeetingErrors(ErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
