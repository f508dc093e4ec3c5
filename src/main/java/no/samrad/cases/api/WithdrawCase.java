package no.samrad.cases.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Withdraws a case that has not been concluded. */
public record WithdrawCase(@TargetAggregateIdentifier UUID caseId, LocalDate withdrawnOn, String reason,
                           @TargetAggregateVersion Long expectedVersion) {
}
