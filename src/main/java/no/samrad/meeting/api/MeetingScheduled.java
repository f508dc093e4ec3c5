package no.samrad.meeting.api;

import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.api.PartialDate;
import org.axonframework.serialization.Revision;

/**
 * A meeting was put in the calendar. {@code date} may be known only to the month or the year, as
 * for the historical meetings the sources name ("2. møte 2007"); {@code number} is set for a
 * consultation meeting (its number in the budget cycle), {@code ministry} for a bilateral meeting.
 * Revision 1 knew two consultation meetings as kinds of their own; it is upcast.
 */
@Revision("2")
public record MeetingScheduled(UUID meetingId, MeetingKind kind, Integer number, PartialDate date, int budgetYear,
                               String ministry, String title) implements MeetingEvent {

    @Override
    public LocalDate effectiveOn() {
        return date.earliest();
    }
}
