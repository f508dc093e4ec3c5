package no.samrad.cases.cost.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records an estimate, or a revision of one ({@code revises}); {@code periodTo} left out is {@code periodFrom}. */
public record RecordCostEstimate(@TargetAggregateIdentifier UUID caseId, UUID estimateId, BigDecimal amountNok,
                                 Integer periodFrom, Integer periodTo, String basis, String method, String madeBy,
                                 LocalDate madeOn, UUID revises, @TargetAggregateVersion Long expectedVersion) {
}
