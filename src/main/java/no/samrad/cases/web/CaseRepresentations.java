package no.samrad.cases.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.CaseStatus;
import no.samrad.cases.api.DiscussionOutcome;
import no.samrad.cases.query.CaseAgendaView;
import no.samrad.cases.query.CaseInputView;
import no.samrad.cases.query.CaseView;
import no.samrad.infrastructure.web.RecordAnswers;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the case endpoints answer with. */
final class CaseRepresentations {

    private CaseRepresentations() {
    }

    /** An item of the case list; {@code meeting} is the meeting the case was reported to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CaseSummary")
    record Summary(UUID id, String caseNumber, CaseKind kind, CaseStatus status, String title,
                   List<String> ministries, String reportedBy, UUID meeting, String reportedOn) {

        static Summary of(CaseView view) {
            return new Summary(view.id, view.caseNumber, CaseKind.valueOf(view.kind), CaseStatus.valueOf(view.status),
                    view.title, List.copyOf(view.ministries), view.reportedBy, view.meetingId, view.reportedOnText);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CaseAgendaItem")
    record AgendaItem(UUID meeting, String meetingDate, DiscussionOutcome outcome, String note) {

        static AgendaItem of(CaseAgendaView view) {
            return new AgendaItem(view.meetingId, view.meetingDate,
                    view.outcome == null ? null : DiscussionOutcome.valueOf(view.outcome), view.note);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CaseInput")
    record Input(UUID id, String party, LocalDate givenOn, String text, UUID meeting) {

        static Input of(CaseInputView view) {
            return new Input(view.inputId, view.party, view.givenOn, view.text, view.meetingId);
        }
    }

    /** A whole case: its agenda history, inputs and ending. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CaseDetail")
    record Detail(UUID id, String caseNumber, CaseKind kind, CaseStatus status, String title,
                  List<String> ministries, String reportedBy, UUID meeting, String reportedOn, String summary,
                  List<AgendaItem> agenda, List<Input> inputs, String concludedOn, String outcome,
                  UUID finalEstimate, LocalDate withdrawnOn, String withdrawReason, long version)
            implements RecordAnswers.Versioned {

        static Detail of(CaseView view) {
            return new Detail(view.id, view.caseNumber, CaseKind.valueOf(view.kind), CaseStatus.valueOf(view.status),
                    view.title, List.copyOf(view.ministries), view.reportedBy, view.meetingId, view.reportedOnText,
                    view.summary, view.agenda.stream().map(AgendaItem::of).toList(),
                    view.inputs.stream().map(Input::of).toList(), view.concludedOnText, view.outcome,
                    view.finalEstimateId, view.withdrawnOn, view.withdrawReason, view.version);
        }
    }
}
