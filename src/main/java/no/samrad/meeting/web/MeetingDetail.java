package no.samrad.meeting.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.web.RecordAnswers;
import no.samrad.meeting.api.MeetingKind;
import no.samrad.meeting.api.MeetingStatus;
import no.samrad.meeting.query.MeetingView;

/**
 * A meeting as the API shows it; {@code date} is as precise as the record knows it, {@code number}
 * is a consultation meeting's number in its budget cycle.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MeetingDetail(UUID id, MeetingKind kind, Integer number, MeetingStatus status, String title, String date,
                            int budgetYear, String ministry, String heldOn, LocalDate cancelledOn,
                            String cancelReason, long version) implements RecordAnswers.Versioned {

    static MeetingDetail of(MeetingView view) {
        return new MeetingDetail(view.id, MeetingKind.valueOf(view.kind), view.number,
                MeetingStatus.valueOf(view.status),
                view.title, view.dateText, view.budgetYear, view.ministry, view.heldOn, view.cancelledOn,
                view.cancelReason, view.version);
    }
}
