package no.samrad.agreement.api;

/** The two groups into which appendix c sorts the bilateral agreements. */
public enum AgreementCategory {
    /** Avtaler om velferdstjenester: quality and service development in welfare services. */
    WELFARE_SERVICES,
    /** Avtaler om samhandling mellom ulike deler av forvaltningen: interaction within the administration. */
    ADMINISTRATIVE_INTERACTION
}
