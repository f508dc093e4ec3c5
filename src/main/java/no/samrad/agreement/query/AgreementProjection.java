package no.samrad.agreement.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import no.samrad.agreement.api.AgreementEntered;
import no.samrad.agreement.api.AgreementExpired;
import no.samrad.agreement.api.AgreementProposed;
import no.samrad.agreement.api.AgreementRenegotiationStarted;
import no.samrad.agreement.api.AgreementRenewed;
import no.samrad.agreement.api.AgreementStatus;
import no.samrad.agreement.api.AgreementSuperseded;
import no.samrad.agreement.api.AgreementTerminated;
import no.samrad.infrastructure.axon.Projection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

/**
 * Keeps {@link AgreementView} up to date. Idempotent: every handler skips an event whose sequence
 * number the view has already applied, so a redelivered batch changes nothing. A reset empties
 * the tables so that a replay rebuilds them from the first event.
 */
@ApplicationScoped
@ProcessingGroup(AgreementProjection.PROCESSING_GROUP)
public class AgreementProjection implements Projection {

    public static final String PROCESSING_GROUP = "agreements";

    @EventHandler
    void on(AgreementProposed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (AgreementView.findById(event.agreementId()) != null) {
            return;
        }
        AgreementView view = new AgreementView();
        view.id = event.agreementId();
        view.title = event.title();
        view.category = event.category() == null ? null : event.category().name();
        view.status = AgreementStatus.PROPOSED.name();
        view.parties.addAll(event.parties());
        view.proposedBy = event.proposedBy();
        view.proposedOn = event.proposedOn();
        view.version = sequence;
        view.updatedAt = recordedAt;
        view.persist();
    }

    @EventHandler
    void on(AgreementEntered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        AgreementView view = AgreementView.findById(event.agreementId());
        if (view == null) {
            view = new AgreementView();
            view.id = event.agreementId();
        } else if (sequence <= view.version) {
            return;
        }
        view.title = event.title();
        view.category = event.category().name();
        view.status = AgreementStatus.ACTIVE.name();
        view.parties.clear();
        view.parties.addAll(event.parties());
        view.enteredOn = event.enteredOn();
        view.expiresOn = event.expiresOn();
        view.firstEnteredYear = event.firstEnteredYear();
        view.terms.add(new AgreementTermView(1, event.enteredOn(), event.expiresOn(), event.parties()));
        view.version = sequence;
        view.updatedAt = recordedAt;
        view.persist();
    }

    @EventHandler
    void on(AgreementRenegotiationStarted event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.agreementId(), sequence, recordedAt,
                view -> view.status = AgreementStatus.RENEGOTIATION.name());
    }

    @EventHandler
    void on(AgreementRenewed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.agreementId(), sequence, recordedAt, view -> {
            view.status = AgreementStatus.ACTIVE.name();
            view.parties.clear();
            view.parties.addAll(event.parties());
            view.enteredOn = event.enteredOn();
            view.expiresOn = event.expiresOn();
            view.terms.add(new AgreementTermView(view.terms.size() + 1, event.enteredOn(), event.expiresOn(),
                    event.parties()));
        });
    }

    @EventHandler
    void on(AgreementTerminated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.agreementId(), sequence, recordedAt, view -> {
            view.status = AgreementStatus.TERMINATED.name();
            view.endedOn = event.lastDayInForce();
            view.endReason = event.reason();
            view.currentTerm().endedOn = event.lastDayInForce();
        });
    }

    @EventHandler
    void on(AgreementSuperseded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.agreementId(), sequence, recordedAt, view -> {
            view.status = AgreementStatus.SUPERSEDED.name();
            view.supersededBy = event.supersededBy();
            if (view.endedOn == null || event.lastDayInForce().isBefore(view.endedOn)) {
                view.endedOn = event.lastDayInForce();
            }
            AgreementTermView term = view.currentTerm();
            if (event.lastDayInForce().isBefore(term.expiresOn)) {
                term.endedOn = event.lastDayInForce();
            }
        });
    }

    @EventHandler
    void on(AgreementExpired event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(event.agreementId(), sequence, recordedAt, view -> {
            view.status = AgreementStatus.EXPIRED.name();
            view.endedOn = event.lastDayInForce();
        });
    }

    @ResetHandler
    void reset() {
        var entityManager = AgreementView.getEntityManager();
        for (String table : List.of("agreement_view_term", "agreement_view_party", "agreement_view")) {
            entityManager.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
    }

    private static void update(UUID id, long sequence, Instant recordedAt, Consumer<AgreementView> change) {
        AgreementView view = AgreementView.findById(id);
        if (view == null || sequence <= view.version) {
            return;
        }
        change.accept(view);
        view.version = sequence;
        view.updatedAt = recordedAt;
    }
}
