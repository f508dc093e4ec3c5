package no.samrad.meeting.api;

import java.util.UUID;
import no.samrad.infrastructure.time.PartialDate;

/** Puts a meeting in the calendar; {@code title} defaults to the meeting's usual name. */
public record ScheduleMeeting(UUID meetingId, MeetingKind kind, PartialDate date, Integer budgetYear, String ministry,
                             String title) {
}
