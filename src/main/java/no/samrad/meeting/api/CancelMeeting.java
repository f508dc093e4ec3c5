package no.samrad.meeting.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record CancelMeeting(@TargetAggregateIdentifier UUID meetingId, LocalDate cancelledOn, String reason,
                            @TargetAggregateVersion Long expectedVersion) {
}
