package no.samrad.agreement.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import no.samrad.agreement.api.AgreementEntered;
import no.samrad.agreement.api.AgreementEvent;
import no.samrad.agreement.api.AgreementProposed;
import no.samrad.infrastructure.axon.Projection;
import no.samrad.infrastructure.axon.TimeTravel;
import no.samrad.infrastructure.axon.ViewCounts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

/**
 * Keeps {@link AgreementView} up to date. Idempotent: every handler skips an event whose sequence
 * number the view has already applied, so a redelivered batch changes nothing.
 */
@ApplicationScoped
@ProcessingGroup(AgreementProjection.PROCESSING_GROUP)
public class AgreementProjection implements Projection {

    public static final String PROCESSING_GROUP = "agreements";

    /** The agreements by status and by the year they expire (0 for a proposal, which has no expiry date). */
    static final ViewCounts<AgreementView> COUNTS = ViewCounts.in("agreement_view_count", "Agreement",
                    AgreementView.class)
            .by("status", view -> view.status)
            .by("expiry_year", view -> view.expiresOn == null ? 0 : view.expiresOn.getYear());

    @EventHandler
    void on(AgreementProposed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (AgreementView.findById(event.agreementId()) == null) {
            stamp(AgreementFold.apply(null, event), sequence, recordedAt).persist();
        }
    }

    @EventHandler
    void on(AgreementEntered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        AgreementView view = AgreementView.findById(event.agreementId());
        if (view == null) {
            stamp(AgreementFold.apply(null, event), sequence, recordedAt).persist();
        } else if (sequence > view.version) {
            stamp(AgreementFold.apply(view, event), sequence, recordedAt);
        }
    }

    /** Every later event changes a view that exists, once. */
    @EventHandler
    void on(AgreementEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        AgreementView view = AgreementView.findById(event.agreementId());
        if (view != null && sequence > view.version) {
            stamp(AgreementFold.apply(view, event), sequence, recordedAt);
        }
    }

    @Override
    public TimeTravel.Folder<?> fold() {
        return AgreementFold.STEP;
    }

    @Override
    public ViewCounts<AgreementView> counts() {
        return COUNTS;
    }

    private static AgreementView stamp(AgreementView view, long sequence, Instant recordedAt) {
        view.stamp(sequence, recordedAt);
        return view;
    }
}
