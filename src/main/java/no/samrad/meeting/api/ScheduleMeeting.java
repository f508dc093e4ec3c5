package no.samrad.meeting.api;

import java.util.UUID;
import no.samrad.infrastructure.api.PartialDate;

/**
 * Puts a meeting in the calendar; {@code number} is a consultation meeting's number in its budget
 * cycle, {@code budgetYear} defaults to the following year, {@code title} to the meeting's usual name.
 */
public record ScheduleMeeting(UUID meetingId, MeetingKind kind, Integer number, PartialDate date, Integer budgetYear,
                              String ministry, String title) {
}
