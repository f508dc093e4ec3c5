package no.samrad.cases.law.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import no.samrad.cases.api.LawKind;
import no.samrad.cases.law.api.LawMilestone;
import no.samrad.cases.law.api.LawParticipationDecision;
import no.samrad.cases.law.api.LawParticipationState;
import no.samrad.cases.law.query.LawMilestoneView;
import no.samrad.cases.law.query.LawParticipationView;
import no.samrad.infrastructure.web.RecordAnswers;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the law-participation endpoints answer with. */
final class LawParticipationRepresentations {

    private LawParticipationRepresentations() {
    }

    @Schema(name = "LawParticipationMilestone")
    record Milestone(LawMilestone milestone, String reachedOn) {

        static Milestone of(LawMilestoneView view) {
            return new Milestone(LawMilestone.valueOf(view.milestone), view.reachedOn);
        }
    }

    /** A law-participation case: the request, the ministry's answer and the law's milestones. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "LawParticipationDetail")
    record Detail(UUID id, String caseNumber, String title, List<String> ministries, String requestedBy,
                  String lawTitle, LawKind lawKind, boolean eeaOrigin, LawParticipationState state, UUID meeting,
                  String reportedOn, LawParticipationDecision decision, String decisionReasons, String decidedOn,
                  List<Milestone> milestones, String concludedOn, String outcome, long version)
            implements RecordAnswers.Versioned {

        static Detail of(LawParticipationView view) {
            return new Detail(view.id, view.caseNumber, view.title, view.ministryCodes(), view.requestedBy,
                    view.lawTitle, view.lawKind == null ? null : LawKind.valueOf(view.lawKind), view.eeaOrigin,
                    LawParticipationState.valueOf(view.state), view.meetingId, view.reportedOnText,
                    view.decision == null ? null : LawParticipationDecision.valueOf(view.decision),
                    view.decisionReasons, view.decidedOnText, view.milestones.stream().map(Milestone::of).toList(),
                    view.concludedOnText, view.outcome, view.version);
        }
    }
}
