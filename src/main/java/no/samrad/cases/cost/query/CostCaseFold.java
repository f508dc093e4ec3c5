package no.samrad.cases.cost.query;

import no.samrad.cases.api.CaseConcluded;
import no.samrad.cases.api.CaseFact;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.CaseReported;
import no.samrad.cases.api.CaseWithdrawn;
import no.samrad.cases.cost.api.CostCalculationOpened;
import no.samrad.cases.cost.api.CostCaseStatus;
import no.samrad.cases.cost.api.CostCaseStatusGiven;
import no.samrad.cases.cost.api.CostEstimateAssessed;
import no.samrad.cases.cost.api.CostEstimateRecorded;
import no.samrad.infrastructure.axon.TimeTravel;

/**
 * What each case event does to a cost case's view: the one fold the projection (on stored rows)
 * and time travel (on views held in memory) both apply. Cases of other kinds have no view.
 */
final class CostCaseFold {

    /** The fold as one step of a replay: for time travel, and for a rebuild of the read model. */
    public static final TimeTravel.Folder<CostCaseView> STEP = TimeTravel.folder(CaseFact.class, CostCaseFold::apply);

    private CostCaseFold() {
    }

    /** The view after {@code event}; {@code null} while the case is not a cost case. */
    public static CostCaseView apply(CostCaseView view, CaseFact event) {
        if (event instanceof CaseReported reported) {
            if (view != null || reported.kind() != CaseKind.COST_CALCULATION) {
                return view;
            }
            CostCaseView created = new CostCaseView();
            created.ministries = String.join(",", reported.ministries());
            created.status = CostCaseStatus.OPENED.name();
            created.report(reported, 0, null);
            return created;
        }
        if (view == null) {
            return null;
        }
        if (event instanceof CostCalculationOpened opened) {
            view.reform = opened.reform();
        } else if (event instanceof CostEstimateRecorded recorded) {
            CostEstimateView estimate = new CostEstimateView();
            estimate.estimateId = recorded.estimateId();
            estimate.amountNok = recorded.amountNok();
            estimate.periodFrom = recorded.periodFrom();
            estimate.periodTo = recorded.periodTo();
            estimate.basis = recorded.basis();
            estimate.method = recorded.method();
            estimate.madeBy = recorded.madeBy();
            estimate.madeOn = recorded.madeOn();
            estimate.revises = recorded.revises();
            view.estimates.stream().filter(old -> old.estimateId.equals(recorded.revises()))
                    .forEach(old -> old.revisedBy = recorded.estimateId());
            view.estimates.add(estimate);
            view.status = CostCaseStatus.ONGOING.name();
        } else if (event instanceof CostEstimateAssessed assessed) {
            view.estimates.stream().filter(estimate -> estimate.estimateId.equals(assessed.estimateId()))
                    .forEach(estimate -> {
                        estimate.verdict = assessed.verdict().name();
                        estimate.reasons = assessed.reasons();
                        estimate.assessedOn = assessed.assessedOn();
                    });
        } else if (event instanceof CostCaseStatusGiven given) {
            CostStatusUpdateView status = new CostStatusUpdateView();
            status.meetingId = given.meetingId();
            status.givenOn = given.givenOn();
            status.text = given.text();
            view.statusUpdates.add(status);
            view.status = CostCaseStatus.ONGOING.name();
        } else if (event instanceof CaseConcluded concluded) {
            view.status = CostCaseStatus.CONCLUDED.name();
            view.endedFrom = concluded.concludedOn().earliest();
            view.concludedOnText = concluded.concludedOn().toString();
            view.outcome = concluded.outcome();
            view.finalEstimateId = concluded.finalEstimateId();
        } else if (event instanceof CaseWithdrawn withdrawn) {
            view.status = CostCaseStatus.WITHDRAWN.name();
            view.endedFrom = withdrawn.withdrawnOn();
        }
        return view;
    }
}
