package no.samrad.party.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A party was divided among {@code parts} from {@code splitOn}; it ends the day before. Each part
 * acts for the records it is given (see {@link SuccessorPart}).
 */
@Revision("1")
public record PartySplit(String registerId, String key, LocalDate splitOn, List<SuccessorPart> parts, String source)
        implements RegisterEvent {

    public PartySplit {
        parts = List.copyOf(parts);
    }

    @Override
    public LocalDate effectiveOn() {
        return splitOn;
    }
}
