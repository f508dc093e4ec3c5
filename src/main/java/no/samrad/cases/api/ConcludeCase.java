package no.samrad.cases.api;

import java.util.UUID;
import no.samrad.infrastructure.api.PartialDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Concludes the case; a cost-calculation case names its final estimate. */
public record ConcludeCase(@TargetAggregateIdentifier UUID caseId, PartialDate concludedOn, String outcome,
                           UUID finalEstimateId, @TargetAggregateVersion Long expectedVersion) {
}
