package no.samrad.meeting.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MeetingCancelled(UUID meetingId, LocalDate cancelledOn, String reason) implements MeetingEvent {

    @Override
    public LocalDate effectiveOn() {
        return cancelledOn;
    }
}
