package no.samrad.cases.law.api;

import java.util.UUID;
import no.samrad.infrastructure.api.PartialDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The responsible ministry's answer to the request. */
public record DecideLawParticipation(@TargetAggregateIdentifier UUID caseId, LawParticipationDecision decision,
                                     String reasons, PartialDate decidedOn,
                                     @TargetAggregateVersion Long expectedVersion) {
}
