package no.samrad.cases.api;

/** Where a case stands in the meetings: reported, on an agenda, discussed, then concluded or withdrawn. */
public enum CaseStatus {
    REPORTED,
    ON_AGENDA,
    DISCUSSED,
    CONCLUDED,
    WITHDRAWN;

    public boolean ended() {
        return this == CONCLUDED || this == WITHDRAWN;
    }
}
