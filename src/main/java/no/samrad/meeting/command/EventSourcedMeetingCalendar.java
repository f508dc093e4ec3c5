package no.samrad.meeting.command;

import java.util.Optional;
import java.util.UUID;
import no.samrad.meeting.api.MeetingCalendar;
import no.samrad.meeting.api.MeetingFacts;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/** Answers from the meeting's events, not from a read model, so that the command side stays consistent. */
public class EventSourcedMeetingCalendar implements MeetingCalendar {

    private final Repository<Meeting> meetings;

    public EventSourcedMeetingCalendar(Repository<Meeting> meetings) {
        this.meetings = meetings;
    }

    @Override
    public Optional<MeetingFacts> find(UUID meetingId) {
        try {
            return Optional.of(meetings.load(meetingId.toString()).invoke(Meeting::facts));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
