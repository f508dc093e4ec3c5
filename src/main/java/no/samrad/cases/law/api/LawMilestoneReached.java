package no.samrad.cases.law.api;

import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.api.EntryEvent;
import no.samrad.infrastructure.api.PartialDate;
import no.samrad.infrastructure.api.StoredAs;
import org.axonframework.serialization.Revision;

/** A step in the law's making was reached; {@code reachedOn} may be known to the month only. */
@StoredAs("no.samrad.lawparticipation.api.LawMilestoneReached")
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
