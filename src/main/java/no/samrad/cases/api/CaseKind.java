package no.samrad.cases.api;

/** The four kinds of case in the consultation arrangement. */
public enum CaseKind {
    /** Tverrgående tema: a theme across sectors, such as the Covid-19 situation. */
    CROSS_SECTOR_THEME,
    /** Sak under et fagdepartement: a matter of one or more sector ministries. */
    SECTOR_MATTER,
    /** Kostnadsberegningssak: the costs of a state-initiated reform for the municipal sector. */
    COST_CALCULATION,
    /** Lovmedvirkningssak: KS takes part in drafting a law or regulation. */
    LAW_PARTICIPATION
}
