package no.samrad.party.api;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.samrad.infrastructure.error.DomainException;

/**
 * Read access to the party register. Command handlers receive it as a parameter to judge the
 * parties a command names; it answers from memory and does no I/O.
 */
public interface PartyRegister {

    Optional<Party> find(String code);

    List<Party> all();

    /**
     * Returns the parties named by {@code codes}, refusing a code that is unknown, repeated, or
     * not valid on {@code effectiveOn}.
     *
     * @param field the request field the codes came from, for the error
     */
    default List<Party> requireValid(List<String> codes, LocalDate effectiveOn, String field) {
        Set<String> seen = new HashSet<>();
        return codes.stream().map(code -> {
            if (!seen.add(code)) {
                throw new DomainException(PartyErrors.DUPLICATE_PARTY, "Party " + code + " is named twice.", field);
            }
            Party party = find(code).orElseThrow(() -> new DomainException(PartyErrors.UNKNOWN_PARTY,
                    "There is no party with code " + code + " in the party register.", field));
            if (!party.isValidOn(effectiveOn)) {
                throw new DomainException(PartyErrors.PARTY_NOT_VALID_ON_DATE,
                        notValidDetail(party, effectiveOn), field);
            }
            return party;
        }).toList();
    }

    /** Refuses a code the register does not know; {@code null} (no code given) passes. */
    default void requireKnown(String code, String field) {
        if (code != null && find(code).isEmpty()) {
            throw new DomainException(PartyErrors.UNKNOWN_PARTY,
                    "There is no party with code " + code + " in the party register.", field);
        }
    }

    /**
     * The party that {@code code} stood for on {@code date}: {@code code} itself if it was valid
     * then, otherwise the predecessor along its chain of successors that was. Sources written
     * later name parties by their later codes; this maps such a code back to the code of the day.
     */
    default Optional<Party> asOf(String code, LocalDate date) {
        Optional<Party> named = find(code);
        if (named.isEmpty() || named.get().isValidOn(date)) {
            return named;
        }
        return all().stream()
                .filter(candidate -> code.equals(candidate.successor()))
                .map(predecessor -> asOf(predecessor.code(), date))
                .flatMap(Optional::stream)
                .filter(party -> party.isValidOn(date))
                .findFirst();
    }

    /** Whether {@code later} took over from {@code earlier}, directly or through renamings between. */
    default boolean isSuccessorOf(String later, String earlier) {
        Set<String> seen = new HashSet<>();
        Optional<String> next = find(earlier).map(Party::successor);
        while (next.isPresent() && seen.add(next.get())) {
            if (next.get().equals(later)) {
                return true;
            }
            next = find(next.get()).map(Party::successor);
        }
        return false;
    }

    private String notValidDetail(Party party, LocalDate date) {
        StringBuilder detail = new StringBuilder("Party ").append(party.code()).append(" (").append(party.name())
                .append(") was not valid on ").append(date).append(": it is valid ");
        detail.append(party.validFrom() == null ? "until " + party.validTo() : "from " + party.validFrom());
        if (party.validFrom() != null && party.validTo() != null) {
            detail.append(" to ").append(party.validTo());
        }
        detail.append('.');
        if (party.successor() != null && party.validTo() != null && date.isAfter(party.validTo())) {
            detail.append(" Its successor is ").append(party.successor()).append('.');
        }
        return detail.toString();
    }
}
