package no.samrad.meeting.api;

/** The meetings of the arrangement in a budget year. */
public enum MeetingKind {
    /**
     * A political consultation meeting, with its number in the budget cycle as the sources write
     * it ("4. konsultasjonsmøte 16.10.01"): two a year (March and April) since the early years,
     * more in the first ones.
     */
    CONSULTATION,
    /** The separate meeting on digitalisation. */
    DIGITALISATION,
    /** A meeting between KS and one ministry (October/November). */
    BILATERAL,
    /** In requests and filters only: the same as {@code CONSULTATION} with number 1. */
    FIRST_CONSULTATION,
    /** In requests and filters only: the same as {@code CONSULTATION} with number 2. */
    SECOND_CONSULTATION;

    /** The number a kind of the requests implies: 1 and 2 for the first and second consultation meetings. */
    public Integer impliedNumber() {
        return switch (this) {
            case FIRST_CONSULTATION -> 1;
            case SECOND_CONSULTATION -> 2;
            default -> null;
        };
    }

    /** The kind as the record keeps it: the numbered consultation meetings are {@code CONSULTATION}. */
    public MeetingKind recorded() {
        return impliedNumber() == null ? this : CONSULTATION;
    }
}
