package no.samrad.lawparticipation.api;

import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.time.PartialDate;
import org.axonframework.serialization.Revision;

/** A step in the law's making was reached; {@code reachedOn} may be known to the month only. */
@Revision("1")
public record LawMilestoneReached(UUID caseId, LawMilestone milestone, PartialDate reachedOn)
        implements LawParticipationEvent {

    @Override
    public LocalDate effectiveOn() {
        return reachedOn.earliest();
    }
}
