package no.samrad.cases.cost.api;

/** KS' view of a ministry's estimate. */
public enum AssessmentVerdict {
    AGREES,
    DISAGREES
}
