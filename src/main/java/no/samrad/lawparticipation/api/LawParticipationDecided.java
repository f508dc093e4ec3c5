package no.samrad.lawparticipation.api;

import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.time.PartialDate;
import org.axonframework.serialization.Revision;

/**
 * The responsible ministry accepted or declined the request, with its reasons. {@code decidedOn} is
 * absent only for history imported from a source that does not give the day.
 */
@Revision("1")
public record LawParticipationDecided(UUID caseId, LawParticipationDecision decision, String reasons,
                                      PartialDate decidedOn) implements LawParticipationEvent {

    @Override
    public LocalDate effectiveOn() {
        return decidedOn == null ? null : decidedOn.earliest();
    }
}
