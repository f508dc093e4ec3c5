package no.samrad.meeting.api;

import java.util.UUID;
import no.samrad.infrastructure.api.PartialDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Records that the meeting took place; {@code heldOn} may make its date more precise and defaults
 * to the scheduled date.
 */
public record HoldMeeting(@TargetAggregateIdentifier UUID meetingId, PartialDate heldOn,
                          @TargetAggregateVersion Long expectedVersion) {
}
