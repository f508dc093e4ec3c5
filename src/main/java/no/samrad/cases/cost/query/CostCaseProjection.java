package no.samrad.cases.cost.query;

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
 * Keeps {@link CostCaseView} up to date for the cost-calculation cases; the other kinds pass it
 * by. Idempotent by sequence number.
 */
@ApplicationScoped
@ProcessingGroup(CostCaseProjection.PROCESSING_GROUP)
public class CostCaseProjection implements Projection {

    public static final String PROCESSING_GROUP = "cost-cases";

    /** The cost cases by status. */
    static final ViewCounts<CostCaseView> COUNTS = ViewCounts.in("cost_case_view_count", "Case", CostCaseView.class)
            .by("status", view -> view.status);

    @EventHandler
    void on(CaseReported event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (CostCaseView.findById(event.caseId()) == null) {
            CostCaseView view = CostCaseFold.apply(null, event);
            if (view != null) {
                view.report(event, sequence, recordedAt);
                view.persist();
            }
        }
    }

    /** Every later event of a cost case changes its view once; those of other cases pass by. */
    @EventHandler
    void on(CaseFact event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(CostCaseView.class, event.caseId(), sequence, recordedAt, view -> CostCaseFold.apply(view, event));
    }

    @Override
    public TimeTravel.Folder<?> fold() {
        return CostCaseFold.STEP;
    }

    @Override
    public ViewCounts<CostCaseView> counts() {
        return COUNTS;
    }

}
