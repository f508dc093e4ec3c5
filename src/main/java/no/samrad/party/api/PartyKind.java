package no.samrad.party.api;

/**
 * The two sides of the arrangement. Rules speak of kinds, never of particular codes, so that the
 * same service can keep the record of another arrangement of this shape (Regeringen and KL) with
 * another register.
 */
public enum PartyKind {
    /** The municipal sector's organisation: KS in Norway. */
    MUNICIPAL_SECTOR,
    /** A ministry acting for the Government. */
    MINISTRY
}
