package no.samrad.cases.cost.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** KS' assessment of a ministry's current estimate. */
public record AssessCostEstimate(@TargetAggregateIdentifier UUID caseId, UUID estimateId, AssessmentVerdict verdict,
                                 String reasons, LocalDate assessedOn, @TargetAggregateVersion Long expectedVersion) {
}
