package no.samrad.meeting.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import no.samrad.meeting.api.MeetingCancelled;
import no.samrad.meeting.api.MeetingHeld;
import no.samrad.meeting.api.MeetingScheduled;
import no.samrad.meeting.api.MeetingStatus;
import no.samrad.infrastructure.axon.Projection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

/** Keeps {@link MeetingView} up to date; idempotent by sequence number, emptied on reset. */
@ApplicationScoped
@ProcessingGroup(MeetingProjection.PROCESSING_GROUP)
public class MeetingProjection implements Projection {

    public static final String PROCESSING_GROUP = "meetings";

    @EventHandler
    void on(MeetingScheduled event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (MeetingView.findById(event.meetingId()) != null) {
            return;
        }
        MeetingView view = new MeetingView();
        view.id = event.meetingId();
        view.kind = event.kind().name();
        view.status = MeetingStatus.SCHEDULED.name();
        view.title = event.title();
        view.dateText = event.date().toString();
        view.dateFrom = event.date().earliest();
        view.dateTo = event.date().latest();
        view.budgetYear = event.budgetYear();
        view.ministry = event.ministry();
        view.version = sequence;
        view.updatedAt = recordedAt;
        view.persist();
    }

    @EventHandler
    void on(MeetingHeld event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.meetingId(), sequence, recordedAt, view -> {
            view.status = MeetingStatus.HELD.name();
            view.heldOn = event.heldOn().toString();
            view.dateText = event.heldOn().toString();
            view.dateFrom = event.heldOn().earliest();
            view.dateTo = event.heldOn().latest();
        });
    }

    @EventHandler
    void on(MeetingCancelled event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.meetingId(), sequence, recordedAt, view -> {
            view.status = MeetingStatus.CANCELLED.name();
            view.cancelledOn = event.cancelledOn();
            view.cancelReason = event.reason();
        });
    }

    @ResetHandler
    void reset() {
        MeetingView.getEntityManager().createNativeQuery("DELETE FROM meeting_view").executeUpdate();
    }

    private static void update(UUID id, long sequence, Instant recordedAt, Consumer<MeetingView> change) {
        MeetingView view = MeetingView.findById(id);
        if (view == null || sequence <= view.version) {
            return;
        }
        change.accept(view);
        view.version = sequence;
        view.updatedAt = recordedAt;
    }
}
