package no.samrad.lawparticipation.api;

import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.time.PartialDate;
import no.samrad.infrastructure.axon.EntryEvent;
import org.axonframework.serialization.Revision;

/** A step in the law's making was reached; {@code reachedOn} may be known to the month only. */
@Revision("1")
public record LawMilestoneReached(UUID caseId, LawMilestone milestone, PartialDate reachedOn)
        implements LawParticipationEvent, EntryEvent {

    @Override
    public LocalDate effectiveOn() {
        return reachedOn.earliest();
    }

    @Override
    public String entry() {
        return "milestones[" + milestone + "]";
    }

    @Override
    public String entryKeyField() {
        return "milestone";
    }
}
