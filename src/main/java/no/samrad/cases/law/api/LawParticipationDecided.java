package no.samrad.cases.law.api;

import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.api.PartialDate;
import no.samrad.infrastructure.api.StoredAs;
import org.axonframework.serialization.Revision;

/**
 * The responsible ministry accepted or declined the request, with its reasons. {@code decidedOn} is
 * absent only for history imported from a source that does not give the day.
 */
@StoredAs("no.samrad.lawparticipation.api.LawParticipationDecided")
@Revision("1")
public record LawParticipationDecided(UUID caseId, LawParticipationDecision decision, String reasons,
                                      PartialDate decidedOn) implements LawParticipationEvent {

    @Override
    public LocalDate effectiveOn() {
        return decidedOn == null ? null : decidedOn.earliest();
    }
}
