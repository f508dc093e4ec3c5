package no.samrad.cases.law.api;

import java.time.LocalDate;
import java.util.UUID;
import no.samrad.cases.api.LawKind;
import no.samrad.infrastructure.api.StoredAs;
import org.axonframework.serialization.Revision;

/**
 * Recorded with the report of a law-participation case: who asks that KS take part (KS or a
 * ministry; absent where the source does not say) and in drafting which law or regulation
 * ({@code lawKind} absent while not known).
 */
@StoredAs("no.samrad.lawparticipation.api.LawParticipationRequested")
@Revision("1")
public record LawParticipationRequested(UUID caseId, String requestedBy, String lawTitle, LawKind lawKind,
                                        boolean eeaOrigin) implements LawParticipationEvent {

    @Override
    public LocalDate effectiveOn() {
        return null;
    }
}
