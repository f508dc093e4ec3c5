package no.samrad.cases.cost.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.samrad.cases.cost.api.AssessmentVerdict;
import no.samrad.cases.cost.api.CostCaseStatus;
import no.samrad.cases.cost.query.CostCaseQueries;
import no.samrad.cases.cost.query.CostCaseView;
import no.samrad.cases.cost.query.CostEstimateView;
import no.samrad.cases.cost.query.CostStatusUpdateView;
import no.samrad.infrastructure.web.RecordAnswers;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the cost-case endpoints answer with. */
final class CostCaseRepresentations {

    private CostCaseRepresentations() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CostEstimate")
    record Estimate(UUID id, BigDecimal amountNok, int periodFrom, int periodTo, String basis, String method,
                    String madeBy, LocalDate madeOn, UUID revises, UUID revisedBy, AssessmentVerdict verdict,
                    String reasons, LocalDate assessedOn) {

        static Estimate of(CostEstimateView view) {
            return new Estimate(view.estimateId, view.amountNok, view.periodFrom, view.periodTo, view.basis,
                    view.method, view.madeBy, view.madeOn, view.revises, view.revisedBy,
                    view.verdict == null ? null : AssessmentVerdict.valueOf(view.verdict), view.reasons,
                    view.assessedOn);
        }
    }

    @Schema(name = "CostStatusUpdate")
    record StatusUpdate(UUID meeting, LocalDate givenOn, String text) {

        static StatusUpdate of(CostStatusUpdateView view) {
            return new StatusUpdate(view.meetingId, view.givenOn, view.text);
        }
    }

    /** An item of the cost-case list, with the estimate the case now reckons with. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CostCaseSummary")
    record Summary(UUID id, String caseNumber, String title, List<String> ministries, String reform,
                   CostCaseStatus status, UUID meeting, String reportedOn, Estimate latestEstimate) {

        static Summary of(CostCaseQueries.ListItem item) {
            return new Summary(item.id(), item.caseNumber(), item.title(), item.ministries(), item.reform(),
                    CostCaseStatus.valueOf(item.status()), item.meetingId(), item.reportedOnText(),
                    item.latestEstimate() == null ? null : Estimate.of(item.latestEstimate()));
        }
    }

    /** A whole cost case: every estimate, revised or not, and every status update. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CostCaseDetail")
    record Detail(UUID id, String caseNumber, String title, List<String> ministries, String reportedBy,
                  String reform, CostCaseStatus status, UUID meeting, String reportedOn, Estimate latestEstimate,
                  List<Estimate> estimates, List<StatusUpdate> statusUpdates, String concludedOn, String outcome,
                  UUID finalEstimate, long version) implements RecordAnswers.Versioned {

        static Detail of(CostCaseView view) {
            return new Detail(view.id, view.caseNumber, view.title, view.ministryCodes(), view.reportedBy,
                    view.reform, CostCaseStatus.valueOf(view.status), view.meetingId, view.reportedOnText,
                    view.latestEstimate().map(Estimate::of).orElse(null),
                    view.estimates.stream().map(Estimate::of).toList(),
                    view.statusUpdates.stream().map(StatusUpdate::of).toList(), view.concludedOnText, view.outcome,
                    view.finalEstimateId, view.version);
        }
    }
}
