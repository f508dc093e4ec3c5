package no.samrad.meeting.api;

import java.util.UUID;
import no.samrad.infrastructure.api.PartialDate;

/** What another record needs to know of a meeting it refers to, read from the meeting's own events. */
public record MeetingFacts(UUID meetingId, MeetingKind kind, PartialDate date, MeetingStatus status, String ministry,
                           String title) {
}
