package no.samrad.party.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The parties {@code keys} became one from {@code mergedOn}: {@code into}, a new party or one of
 * them that continues. Every merged party that does not continue ends the day before; the party
 * they became acts for all of their records.
 */
@Revision("1")
public record PartiesMerged(String registerId, List<String> keys, LocalDate mergedOn, SuccessorPart into,
                            String source) implements RegisterEvent {

    public PartiesMerged {
        keys = List.copyOf(keys);
    }

    @Override
    public LocalDate effectiveOn() {
        return mergedOn;
    }
}
