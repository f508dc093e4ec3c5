package no.samrad.costcase.query;

import static no.samrad.cases.query.ReportedCaseView.update;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import no.samrad.cases.api.CaseConcluded;
import no.samrad.cases.api.CaseFact;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.CaseReported;
import no.samrad.cases.api.CaseWithdrawn;
import no.samrad.costcase.api.CostCalculationOpened;
import no.samrad.costcase.api.CostCaseStatus;
import no.samrad.costcase.api.CostCaseStatusGiven;
import no.samrad.costcase.api.CostEstimateAssessed;
import no.samrad.costcase.api.CostEstimateRecorded;
import no.samrad.infrastructure.axon.Projection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

/**
 * Keeps {@link CostCaseView} up to date for the cost-calculation cases; the other kinds pass it
 * by. Idempotent by sequence number, emptied on reset.
 */
@ApplicationScoped
@ProcessingGroup(CostCaseProjection.PROCESSING_GROUP)
public class CostCaseProjection implements Projection {

    public static final String PROCESSING_GROUP = "cost-cases";

    @EventHandler
    void on(CaseReported event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (event.kind() != CaseKind.COST_CALCULATION || CostCaseView.findById(event.caseId()) != null) {
            return;
        }
        CostCaseView view = new CostCaseView();
        view.ministries = String.join(",", event.ministries());
        view.status = CostCaseStatus.OPENED.name();
        view.report(event, sequence, recordedAt);
        view.persist();
    }

    @EventHandler
    void on(CostCalculationOpened event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(CostCaseView.class, event.caseId(), sequence, recordedAt, view -> view.reform = event.reform());
    }

    @EventHandler
    void on(CostEstimateRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(CostCaseView.class, event.caseId(), sequence, recordedAt, view -> {
            CostEstimateView estimate = new CostEstimateView();
            estimate.estimateId = event.estimateId();
            estimate.amountNok = event.amountNok();
            estimate.periodFrom = event.periodFrom();
            estimate.periodTo = event.periodTo();
            estimate.basis = event.basis();
            estimate.method = event.method();
            estimate.madeBy = event.madeBy();
            estimate.madeOn = event.madeOn();
            estimate.revises = event.revises();
            view.estimates.stream().filter(old -> old.estimateId.equals(event.revises()))
                    .forEach(old -> old.revisedBy = event.estimateId());
            view.estimates.add(estimate);
            view.status = CostCaseStatus.ONGOING.name();
        });
    }

    @EventHandler
    void on(CostEstimateAssessed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(CostCaseView.class, event.caseId(), sequence, recordedAt, view -> view.estimates.stream()
                .filter(estimate -> estimate.estimateId.equals(event.estimateId()))
                .forEach(estimate -> {
                    estimate.verdict = event.verdict().name();
                    estimate.reasons = event.reasons();
                    estimate.assessedOn = event.assessedOn();
                }));
    }

    @EventHandler
    void on(CostCaseStatusGiven event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(CostCaseView.class, event.caseId(), sequence, recordedAt, view -> {
            CostStatusUpdateView status = new CostStatusUpdateView();
            status.meetingId = event.meetingId();
            status.givenOn = event.givenOn();
            status.text = event.text();
            view.statusUpdates.add(status);
            view.status = CostCaseStatus.ONGOING.name();
        });
    }

    @EventHandler
    void on(CaseConcluded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(CostCaseView.class, event.caseId(), sequence, recordedAt, view -> {
            view.status = CostCaseStatus.CONCLUDED.name();
            view.endedFrom = event.concludedOn().earliest();
            view.concludedOnText = event.concludedOn().toString();
            view.outcome = event.outcome();
            view.finalEstimateId = event.finalEstimateId();
        });
    }

    @EventHandler
    void on(CaseWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(CostCaseView.class, event.caseId(), sequence, recordedAt, view -> {
            view.status = CostCaseStatus.WITHDRAWN.name();
            view.endedFrom = event.withdrawnOn();
        });
    }

    /** Inputs, agendas and discussions: the case's version moves on. */
    @EventHandler
    void on(CaseFact event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(CostCaseView.class, event.caseId(), sequence, recordedAt, view -> {
        });
    }

    @ResetHandler
    void reset() {
        var entityManager = CostCaseView.getEntityManager();
        for (String table : List.of("cost_case_status_update", "cost_case_estimate", "cost_case_view")) {
            entityManager.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
    }

}
