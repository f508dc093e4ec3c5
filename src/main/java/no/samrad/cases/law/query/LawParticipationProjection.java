package no.samrad.cases.law.query;

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
 * Keeps {@link LawParticipationView} up to date for the law-participation cases; the other kinds
 * pass it by. Idempotent by sequence number.
 */
@ApplicationScoped
@ProcessingGroup(LawParticipationProjection.PROCESSING_GROUP)
public class LawParticipationProjection implements Projection {

    public static final String PROCESSING_GROUP = "law-participation";

    /** The law-participation requests by state. */
    static final ViewCounts<LawParticipationView> COUNTS = ViewCounts.in("law_participation_view_count", "Case",
                    LawParticipationView.class)
            .by("state", view -> view.state);

    @EventHandler
    void on(CaseReported event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (LawParticipationView.findById(event.caseId()) == null) {
            LawParticipationView view = LawParticipationFold.apply(null, event);
            if (view != null) {
                view.report(event, sequence, recordedAt);
                view.persist();
            }
        }
    }

    /** Every later event of a law-participation case changes its view once; those of other cases pass by. */
    @EventHandler
    void on(CaseFact event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        update(LawParticipationView.class, event.caseId(), sequence, recordedAt,
                view -> LawParticipationFold.apply(view, event));
    }

    @Override
    public TimeTravel.Folder<?> fold() {
        return LawParticipationFold.STEP;
    }

    @Override
    public ViewCounts<LawParticipationView> counts() {
        return COUNTS;
    }

}
