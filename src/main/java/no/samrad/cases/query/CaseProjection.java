package no.samrad.cases.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import no.samrad.cases.api.CaseFact;
import no.samrad.cases.api.CaseReported;
import no.samrad.infrastructure.axon.Projection;
import no.samrad.infrastructure.axon.TimeTravel;
import no.samrad.infrastructure.axon.ViewCounts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import static no.samrad.cases.query.ReportedCaseView.update;

/**
 * Keeps {@link CaseView} up to date for cases of every kind. Idempotent: an event whose sequence
 * number the view has applied already changes nothing. The cost and law events only move the
 * version, which is the case's ETag.
 */
@ApplicationScoped
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
public class CaseProjection implements Projection {

    public static final String PROCESSING_GROUP = "cases";

    /** The cases by kind and status. */
    static final ViewCounts<CaseView> COUNTS = ViewCounts.in("case_view_count", "Case", CaseView.class)
            .by("kind", view -> view.kind)
            .by("status", view -> view.status);

    @EventHandler
    void on(CaseReported event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (CaseView.findById(event.caseId()) == null) {
            CaseView view = CaseFold.apply(null, event);
            view.report(event, sequence, recordedAt);
            view.persist();
        }
    }

    /** Every later event changes the case's view once; the cost and law events only move its version. */
    @EventHandler
    void on(CaseFact event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(CaseView.class, event.caseId(), sequence, recordedAt, view -> CaseFold.apply(view, event));
    }

    @Override
    public TimeTravel.Folder<?> fold() {
        return CaseFold.STEP;
    }

    @Override
    public ViewCounts<CaseView> counts() {
        return COUNTS;
    }

}
