package no.samrad.meeting.api;

/** The meetings of the arrangement in a budget year. */
public enum MeetingKind {
    /** The 1st consultation meeting (about March), political. */
    FIRST_CONSULTATION,
    /** The 2nd consultation meeting (about April), political. */
    SECOND_CONSULTATION,
    /** The separate meeting on digitalisation. */
    DIGITALISATION,
    /** A meeting between KS and one ministry (October/November). */
    BILATERAL
}
