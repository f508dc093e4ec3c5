package no.samrad.meeting.query;

import no.samrad.infrastructure.axon.TimeTravel;
import no.samrad.meeting.api.MeetingCancelled;
import no.samrad.meeting.api.MeetingEvent;
import no.samrad.meeting.api.MeetingHeld;
import no.samrad.meeting.api.MeetingScheduled;
import no.samrad.meeting.api.MeetingStatus;

/** What each meeting event does to a meeting's view: the one fold the projection and time travel both apply. */
public final class MeetingFold {

    /** The fold as one step of a replay: for time travel, and for a rebuild of the read model. */
    public static final TimeTravel.Folder<MeetingView> STEP = TimeTravel.folder(MeetingEvent.class, MeetingFold::apply);

    private MeetingFold() {
    }

    /** The view after {@code event}; a new view when the meeting is scheduled. */
    public static MeetingView apply(MeetingView view, MeetingEvent event) {
        if (event instanceof MeetingScheduled scheduled) {
            if (view != null) {
                return view;
            }
            MeetingView created = new MeetingView();
            created.id = scheduled.meetingId();
            created.kind = scheduled.kind().name();
            created.number = scheduled.number();
            created.status = MeetingStatus.SCHEDULED.name();
            created.title = scheduled.title();
            created.dateText = scheduled.date().toString();
            created.dateFrom = scheduled.date().earliest();
            created.dateTo = scheduled.date().latest();
            created.budgetYear = scheduled.budgetYear();
            created.ministry = scheduled.ministry();
            return created;
        }
        if (view == null) {
            return null;
        }
        if (event instanceof MeetingHeld held) {
            view.status = MeetingStatus.HELD.name();
            view.heldOn = held.heldOn().toString();
            view.dateText = held.heldOn().toString();
            view.dateFrom = held.heldOn().earliest();
            view.dateTo = held.heldOn().latest();
        } else if (event instanceof MeetingCancelled cancelled) {
            view.status = MeetingStatus.CANCELLED.name();
            view.cancelledOn = cancelled.cancelledOn();
            view.cancelReason = cancelled.reason();
        }
        return view;
    }
}
