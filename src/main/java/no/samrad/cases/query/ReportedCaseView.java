package no.samrad.cases.query;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import no.samrad.cases.api.CaseNumber;
import no.samrad.cases.api.CaseReported;
import no.samrad.infrastructure.axon.TimeTravel;

/**
 * The columns every case read model keeps of a case's report, and the version bookkeeping that
 * makes each projection idempotent. Each read model still has tables of its own.
 */
@MappedSuperclass
public abstract class ReportedCaseView extends PanacheEntityBase implements TimeTravel.Stamped {

    @Id
    public UUID id;
    @Column(name = "case_number", nullable = false, length = 16)
    public String caseNumber;
    @Column(name = "number_year", nullable = false)
    public int numberYear;
    @Column(name = "number_sequence", nullable = false)
    public int numberSequence;
    @Column(nullable = false, length = 500)
    public String title;
    @Column(name = "reported_by", length = 16)
    public String reportedBy;
    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;
    @Column(name = "reported_on_text", nullable = false, length = 10)
    public String reportedOnText;
    @Column(name = "reported_from", nullable = false)
    public LocalDate reportedFrom;
    /** The sequence number of the last event applied, which is also the record's version. */
    @Column(nullable = false)
    public long version;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Override
    public void stamp(long sequence, Instant recordedAt) {
        version = sequence;
        updatedAt = recordedAt;
    }

    /** Fills the columns of the report; the caller persists the view. */
    public void report(CaseReported event, long sequence, Instant recordedAt) {
        CaseNumber number = CaseNumber.parse(event.caseNumber()).orElseThrow();
        id = event.caseId();
        caseNumber = event.caseNumber();
        numberYear = number.year();
        numberSequence = number.sequence();
        title = event.title();
        reportedBy = event.reportedBy();
        meetingId = event.meetingId();
        reportedOnText = event.reportedOn().toString();
        reportedFrom = event.reportedOn().earliest();
        version = sequence;
        updatedAt = recordedAt;
    }

    /**
     * Applies {@code change} to the view of case {@code id} unless the view has applied this event
     * already (or the case is not one this read model keeps), and moves its version on.
     */
    public static <T extends ReportedCaseView> void update(Class<T> type, UUID id, long sequence, Instant recordedAt,
                                                           Consumer<T> change) {
        T view = Panache.getEntityManager().find(type, id);
        if (view == null || sequence <= view.version) {
            return;
        }
        change.accept(view);
        view.stamp(sequence, recordedAt);
    }
}
