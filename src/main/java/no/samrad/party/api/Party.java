package no.samrad.party.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * A register entry as the register knows it. {@code code} is what the sources write and clients
 * send; {@code key} tells apart two parties that carried the same code in different periods (BFD
 * of 1991 and BFD of 2019). {@code validFrom} or {@code validTo} is {@code null} where the
 * period is open at that end; {@code successor} names the code that continued the party whole (a
 * renaming or a merger), {@code successors} and {@code predecessors} every link of either kind.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Party(String code, String key, PartyKind kind, String name, String nameEn, String orgNo,
                    LocalDate validFrom, LocalDate validTo, String successor, List<FormerName> formerNames,
                    List<Succession> predecessors, List<Succession> successors, List<String> sources) {

    /** A name the party carried under the same code before its current one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FormerName(String name, LocalDate validFrom, LocalDate validTo) {
    }

    public boolean isValidOn(LocalDate date) {
        return isValidOn(validFrom, validTo, date);
    }

    /**
     * The one rule of a register entry's validity: from {@code validFrom} to {@code validTo}, both
     * included; a missing end is open.
     */
    static boolean isValidOn(LocalDate validFrom, LocalDate validTo, LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }

    /** The name the party carried on {@code date}: a former name where one applied. */
    public String nameOn(LocalDate date) {
        return formerNames.stream()
                .filter(former -> (former.validFrom() == null || !date.isBefore(former.validFrom()))
                        && !date.isAfter(former.validTo()))
                .map(FormerName::name)
                .findFirst()
                .orElse(name);
    }
}
