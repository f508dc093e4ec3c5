package no.samrad.party.api;

import no.samrad.infrastructure.api.EffectiveDated;

/**
 * Every fact recorded about the party register: a party established, renamed, split, merged,
 * given another's tasks, or abolished. The register is one record ({@link #REGISTER_ID}); each
 * event is a stored contract (see docs/events.md) and names the source it was taken from.
 */
public sealed interface RegisterEvent extends EffectiveDated
        permits PartyEstablished, PartyRenamed, PartySplit, PartiesMerged, TasksMoved, PartyAbolished {

    /** The register's record id: there is one register. */
    String REGISTER_ID = "party-register";

    String registerId();

    /** Where the fact was taken from: a royal decree, a ministry's history page, an announcement. */
    String source();
}
