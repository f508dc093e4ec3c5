package no.samrad.party.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * A party as the register knows it. {@code validFrom} or {@code validTo} is {@code null} where the
 * party's period is open at that end; {@code successor} names the code that took over.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Party(String code, PartyKind kind, String name, String nameEn, String orgNo, LocalDate validFrom,
                    LocalDate validTo, String successor, List<FormerName> formerNames) {

    /** A name the party carried under the same code before its current one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FormerName(String name, LocalDate validFrom, LocalDate validTo) {
    }

    public boolean isValidOn(LocalDate date) {
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
