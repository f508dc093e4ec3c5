package no.samrad.meeting.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import no.samrad.infrastructure.axon.Projection;
import no.samrad.infrastructure.axon.TimeTravel;
import no.samrad.infrastructure.axon.ViewCounts;
import no.samrad.meeting.api.MeetingEvent;
import no.samrad.meeting.api.MeetingScheduled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

/** Keeps {@link MeetingView} up to date; idempotent by sequence number. */
@ApplicationScoped
@ProcessingGroup(MeetingProjection.PROCESSING_GROUP)
class MeetingProjection implements Projection {

    public static final String PROCESSING_GROUP = "meetings";

    /** The meetings by kind, status and the year of their date. */
    static final ViewCounts<MeetingView> COUNTS = ViewCounts.in("meeting_view_count", "Meeting", MeetingView.class)
            .by("kind", view -> view.kind)
            .by("status", view -> view.status)
            .by("meeting_year", view -> view.dateFrom.getYear());

    @EventHandler
    void on(MeetingScheduled event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (MeetingView.findById(event.meetingId()) == null) {
            MeetingView view = MeetingFold.apply(null, event);
            view.stamp(sequence, recordedAt);
            view.persist();
        }
    }

    /** Every later event changes the meeting's view once. */
    @EventHandler
    void on(MeetingEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        MeetingView view = MeetingView.findById(event.meetingId());
        if (view != null && sequence > view.version) {
            MeetingFold.apply(view, event);
            view.stamp(sequence, recordedAt);
        }
    }

    @Override
    public TimeTravel.Folder<?> fold() {
        return MeetingFold.STEP;
    }

    @Override
    public ViewCounts<MeetingView> counts() {
        return COUNTS;
    }

}
