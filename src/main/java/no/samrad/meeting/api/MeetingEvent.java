package no.samrad.meeting.api;

import java.util.UUID;
import no.samrad.infrastructure.api.EffectiveDated;

/** Every fact recorded about a consultation meeting. Each is a stored contract: see docs/events.md. */
public sealed interface MeetingEvent extends EffectiveDated permits MeetingScheduled, MeetingHeld, MeetingCancelled {

    UUID meetingId();
}
