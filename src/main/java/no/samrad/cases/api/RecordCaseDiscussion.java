package no.samrad.cases.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records what a meeting whose agenda held the case did with it. */
public record RecordCaseDiscussion(@TargetAggregateIdentifier UUID caseId, UUID meetingId, DiscussionOutcome outcome,
                                   String note, @TargetAggregateVersion Long expectedVersion) {
}
