package no.samrad.meeting.api;

import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.api.PartialDate;
import org.axonframework.serialization.Revision;

/** The meeting took place; {@code heldOn} is as precise as the record knows it. */
@Revision("1")
public record MeetingHeld(UUID meetingId, PartialDate heldOn) implements MeetingEvent {

    @Override
    public LocalDate effectiveOn() {
        return heldOn.latest();
    }
}
