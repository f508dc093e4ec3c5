package no.samrad.costcase.api;

/** KS' view of a ministry's estimate. */
public enum AssessmentVerdict {
    AGREES,
    DISAGREES
}
