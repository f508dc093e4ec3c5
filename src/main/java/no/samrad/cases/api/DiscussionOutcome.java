package no.samrad.cases.api;

/** What a meeting did with a case. Consultation meetings take no binding decisions. */
public enum DiscussionOutcome {
    /** The parties discussed the case (drøftet). */
    DISCUSSED,
    /** The parties were informed of the case (orientert). */
    INFORMED
}
