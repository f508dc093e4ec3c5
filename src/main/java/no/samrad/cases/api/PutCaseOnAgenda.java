package no.samrad.cases.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Puts the case on a scheduled meeting's agenda. */
public record PutCaseOnAgenda(@TargetAggregateIdentifier UUID caseId, UUID meetingId,
                              @TargetAggregateVersion Long expectedVersion) {
}
