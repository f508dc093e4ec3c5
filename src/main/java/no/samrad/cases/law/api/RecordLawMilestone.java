package no.samrad.cases.law.api;

import java.util.UUID;
import no.samrad.infrastructure.api.PartialDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records a step in the making of the law the case concerns. */
public record RecordLawMilestone(@TargetAggregateIdentifier UUID caseId, LawMilestone milestone,
                                 PartialDate reachedOn, @TargetAggregateVersion Long expectedVersion) {
}
