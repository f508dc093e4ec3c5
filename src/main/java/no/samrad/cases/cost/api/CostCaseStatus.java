package no.samrad.cases.cost.api;

/** Where a cost-calculation case stands: opened, ongoing once anything was recorded, then ended. */
public enum CostCaseStatus {
    OPENED,
    ONGOING,
    CONCLUDED,
    WITHDRAWN;

    /** "Open cost cases" are those not concluded (nor withdrawn). */
    public boolean open() {
        return this == OPENED || this == ONGOING;
    }
}
