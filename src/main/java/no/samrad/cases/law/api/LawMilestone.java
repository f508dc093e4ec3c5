package no.samrad.cases.law.api;

/** The steps of a law's making that a law-participation case records. */
public enum LawMilestone {
    /** Sent on public consultation (høring). */
    PUBLIC_CONSULTATION,
    /** The bill was presented to the Storting. */
    BILL_PRESENTED,
    /** The law or regulation entered into force. */
    IN_FORCE
}
