package no.samrad.party.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the party register. Command handlers receive it as a parameter to judge the
 * parties a command names and who may act for whom; it answers from memory and does no I/O.
 * A code may have meant different parties in different periods: every question that starts from
 * a code says the day it is asked about, or asks about the party that carries the code now.
 */
public interface PartyRegister {

    /** The party that carries {@code code} now, or carried it last. */
    Optional<Party> find(String code);

    /** The register entry with this key. */
    Optional<Party> byKey(String key);

    /** The party that carried {@code code} on {@code date}. */
    Optional<Party> resolve(String code, LocalDate date);

    /** Every entry, municipal sector first, then by code and period. */
    List<Party> all();

    /**
     * Returns the parties named by {@code codes} as they were on {@code effectiveOn}, refusing a
     * code that is unknown, repeated, or not carried by any party that day.
     *
     * @param field the request field the codes came from, for the error
     */
    List<Party> requireValid(List<String> codes, LocalDate effectiveOn, String field);

    /** Refuses a code the register does not know; {@code null} (no code given) passes. */
    void requireKnown(String code, String field);

    /**
     * Whether the party that carries {@code actingCode} now may act for the record {@code recordId}
     * in the place of the party that carried {@code recordCode} on {@code recordOn}: it is that
     * party, or succeeded it along links that carry the record (a renaming or a merger carries every
     * record; a split or a move of tasks only the records given to that part).
     */
    boolean actsFor(String actingCode, String recordId, String recordCode, LocalDate recordOn);
}
