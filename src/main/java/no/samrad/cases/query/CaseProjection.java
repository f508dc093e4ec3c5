package no.samrad.cases.query;

import static no.samrad.cases.query.ReportedCaseView.update;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import no.samrad.cases.api.CaseConcluded;
import no.samrad.cases.api.CaseDiscussed;
import no.samrad.cases.api.CaseFact;
import no.samrad.cases.api.CaseInputAdded;
import no.samrad.cases.api.CasePutOnAgenda;
import no.samrad.cases.api.CaseReported;
import no.samrad.cases.api.CaseStatus;
import no.samrad.cases.api.CaseWithdrawn;
import no.samrad.costcase.query.CostCaseProjection;
import no.samrad.infrastructure.axon.Projection;
import no.samrad.lawparticipation.query.LawParticipationProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

/**
 * Keeps {@link CaseView} up to date for cases of every kind. Idempotent: an event whose sequence
 * number the view has applied already changes nothing. The cost and law events only move the
 * version, which is the case's ETag.
 */
@ApplicationScoped
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
public class CaseProjection implements Projection {

    public static final String PROCESSING_GROUP = "cases";
    /**
     * Every read model a case's events reach. A command on a case answers once all of them hold
     * its events, so that the next read of any case list shows the change.
     */
    public static final List<String> CASE_READ_MODELS = List.of(PROCESSING_GROUP,
            CostCaseProjection.PROCESSING_GROUP, LawParticipationProjection.PROCESSING_GROUP);

    @EventHandler
    void on(CaseReported event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (CaseView.findById(event.caseId()) != null) {
            return;
        }
        CaseView view = new CaseView();
        view.kind = event.kind().name();
        view.status = CaseStatus.REPORTED.name();
        view.titleSearch = CaseView.searchable(event.title());
        view.summary = event.summary();
        view.ministries.addAll(event.ministries());
        view.report(event, sequence, recordedAt);
        view.persist();
    }

    @EventHandler
    void on(CaseInputAdded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(CaseView.class, event.caseId(), sequence, recordedAt, view -> {
            CaseInputView input = new CaseInputView();
            input.inputId = event.inputId();
            input.party = event.party();
            input.givenOn = event.givenOn();
            input.text = event.text();
            input.meetingId = event.meetingId();
            view.inputs.add(input);
        });
    }

    @EventHandler
    void on(CasePutOnAgenda event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(CaseView.class, event.caseId(), sequence, recordedAt, view -> {
            CaseAgendaView item = new CaseAgendaView();
            item.meetingId = event.meetingId();
            item.meetingDate = event.meetingDate().toString();
            view.agenda.add(item);
            view.status = CaseStatus.ON_AGENDA.name();
        });
    }

    @EventHandler
    void on(CaseDiscussed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(CaseView.class, event.caseId(), sequence, recordedAt, view -> {
            view.agenda.stream().filter(item -> item.meetingId.equals(event.meetingId())).forEach(item -> {
                item.outcome = event.outcome().name();
                item.note = event.note();
            });
            boolean awaiting = view.agenda.stream().anyMatch(item -> item.outcome == null);
            view.status = (awaiting ? CaseStatus.ON_AGENDA : CaseStatus.DISCUSSED).name();
        });
    }

    @EventHandler
    void on(CaseConcluded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(CaseView.class, event.caseId(), sequence, recordedAt, view -> {
            view.status = CaseStatus.CONCLUDED.name();
            view.concludedOnText = event.concludedOn().toString();
            view.outcome = event.outcome();
            view.finalEstimateId = event.finalEstimateId();
        });
    }

    @EventHandler
    void on(CaseWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(CaseView.class, event.caseId(), sequence, recordedAt, view -> {
            view.status = CaseStatus.WITHDRAWN.name();
            view.withdrawnOn = event.withdrawnOn();
            view.withdrawReason = event.reason();
        });
    }

    /** The events of the cost and law capabilities: the case's version moves on. */
    @EventHandler
    void on(CaseFact event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(CaseView.class, event.caseId(), sequence, recordedAt, view -> {
        });
    }

    @ResetHandler
    void reset() {
        var entityManager = CaseView.getEntityManager();
        for (String table : List.of("case_view_input", "case_view_agenda", "case_view_ministry", "case_view")) {
            entityManager.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
    }

}
