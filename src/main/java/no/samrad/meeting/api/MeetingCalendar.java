package no.samrad.meeting.api;

import java.util.Optional;
import java.util.UUID;

/**
 * Looks up a meeting in the record, for command handlers of other records that refer to one (a
 * case is reported to a meeting, put on its agenda, given a status at it).
 */
public interface MeetingCalendar {

    Optional<MeetingFacts> find(UUID meetingId);
}
