package no.samrad.agreement.api;

/**
 * Where an agreement stands. {@code PROPOSED → ACTIVE → (RENEGOTIATION → ACTIVE)… → EXPIRED}, or
 * {@code TERMINATED} early, or {@code SUPERSEDED} by another agreement.
 */
public enum AgreementStatus {
    PROPOSED,
    ACTIVE,
    RENEGOTIATION,
    EXPIRED,
    TERMINATED,
    SUPERSEDED;

    /** Whether the agreement has a running term that can be renegotiated, renewed or ended. */
    public boolean isRunning() {
        return this == ACTIVE || this == RENEGOTIATION;
    }
}
