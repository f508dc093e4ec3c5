package no.samrad.support;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.samrad.infrastructure.api.PartialDate;
import no.samrad.meeting.api.MeetingCalendar;
import no.samrad.meeting.api.MeetingFacts;
import no.samrad.meeting.api.MeetingKind;
import no.samrad.meeting.api.MeetingStatus;

/** A meeting calendar for tests without the database: the meetings a test puts in it. */
public final class TestMeetings implements MeetingCalendar {

    private final Map<UUID, MeetingFacts> meetings = new HashMap<>();

    public UUID add(MeetingStatus status, PartialDate date) {
        UUID id = UUID.randomUUID();
        meetings.put(id, new MeetingFacts(id, MeetingKind.CONSULTATION, date, status, null,
                "2. konsultasjonsmøte " + date.year()));
        return id;
    }

    @Override
    public Optional<MeetingFacts> find(UUID meetingId) {
        return Optional.ofNullable(meetings.get(meetingId));
    }
}
