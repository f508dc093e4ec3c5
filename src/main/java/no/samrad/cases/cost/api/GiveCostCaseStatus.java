package no.samrad.cases.cost.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Gives a meeting the status of the calculation. */
public record GiveCostCaseStatus(@TargetAggregateIdentifier UUID caseId, UUID meetingId, LocalDate givenOn,
                                 String text, @TargetAggregateVersion Long expectedVersion) {
}
