package no.samrad.lawparticipation.query;

import static no.samrad.cases.query.ReportedCaseView.update;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import no.samrad.cases.api.CaseConcluded;
import no.samrad.cases.api.CaseFact;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.CaseReported;
import no.samrad.cases.api.CaseWithdrawn;
import no.samrad.infrastructure.axon.Projection;
import no.samrad.lawparticipation.api.LawMilestoneReached;
import no.samrad.lawparticipation.api.LawParticipationDecided;
import no.samrad.lawparticipation.api.LawParticipationDecision;
import no.samrad.lawparticipation.api.LawParticipationRequested;
import no.samrad.lawparticipation.api.LawParticipationState;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

/**
 * Keeps {@link LawParticipationView} up to date for the law-participation cases; the other kinds
 * pass it by. Idempotent by sequence number, emptied on reset.
 */
@ApplicationScoped
@ProcessingGroup(LawParticipationProjection.PROCESSING_GROUP)
public class LawParticipationProjection implements Projection {

    public static final String PROCESSING_GROUP = "law-participation";

    @EventHandler
    void on(CaseReported event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (event.kind() != CaseKind.LAW_PARTICIPATION || LawParticipationView.findById(event.caseId()) != null) {
            return;
        }
        LawParticipationView view = new LawParticipationView();
        view.ministries = String.join(",", event.ministries());
        view.requestedBy = event.reportedBy();
        view.state = LawParticipationState.AWAITING_DECISION.name();
        view.report(event, sequence, recordedAt);
        view.persist();
    }

    @EventHandler
    void on(LawParticipationRequested event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(LawParticipationView.class, event.caseId(), sequence, recordedAt, view -> {
            view.requestedBy = event.requestedBy();
            view.lawTitle = event.lawTitle();
            view.lawKind = event.lawKind() == null ? null : event.lawKind().name();
            view.eeaOrigin = event.eeaOrigin();
        });
    }

    @EventHandler
    void on(LawParticipationDecided event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(LawParticipationView.class, event.caseId(), sequence, recordedAt, view -> {
            view.decision = event.decision().name();
            view.decisionReasons = event.reasons();
            view.decidedOnText = event.decidedOn() == null ? null : event.decidedOn().toString();
            view.state = (event.decision() == LawParticipationDecision.ACCEPTED
                    ? LawParticipationState.IN_PROGRESS : LawParticipationState.DECLINED).name();
        });
    }

    @EventHandler
    void on(LawMilestoneReached event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(LawParticipationView.class, event.caseId(), sequence, recordedAt, view -> {
            LawMilestoneView milestone = new LawMilestoneView();
            milestone.milestone = event.milestone().name();
            milestone.reachedOn = event.reachedOn().toString();
            view.milestones.add(milestone);
        });
    }

    @EventHandler
    void on(CaseConcluded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(LawParticipationView.class, event.caseId(), sequence, recordedAt, view -> {
            view.state = LawParticipationState.CONCLUDED.name();
            view.endedFrom = event.concludedOn().earliest();
            view.concludedOnText = event.concludedOn().toString();
            view.outcome = event.outcome();
        });
    }

    @EventHandler
    void on(CaseWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(LawParticipationView.class, event.caseId(), sequence, recordedAt, view -> {
            view.state = LawParticipationState.WITHDRAWN.name();
            view.endedFrom = event.withdrawnOn();
        });
    }

    /** Inputs, agendas and discussions: the case's version moves on. */
    @EventHandler
    void on(CaseFact event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(LawParticipationView.class, event.caseId(), sequence, recordedAt, view -> {
        });
    }

    @ResetHandler
    void reset() {
        var entityManager = LawParticipationView.getEntityManager();
        for (String table : List.of("law_participation_milestone", "law_participation_view")) {
            entityManager.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
    }

}
