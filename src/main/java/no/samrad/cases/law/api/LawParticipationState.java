package no.samrad.cases.law.api;

/** Where a law-participation request stands. */
public enum LawParticipationState {
    /** Requested; the responsible ministry has not answered. */
    AWAITING_DECISION,
    /** Accepted: KS takes part while the law is made. */
    IN_PROGRESS,
    DECLINED,
    CONCLUDED,
    WITHDRAWN
}
