package no.samrad.agreement.query;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.samrad.agreement.api.AgreementCategory;
import no.samrad.agreement.api.AgreementStatus;
import no.samrad.infrastructure.axon.TimeTravel;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.ListIndexBase;

/**
 * An agreement as the projection last saw it. Status and category are kept as text so that the
 * table is the same plain SQL on H2 and PostgreSQL.
 */
@Entity
@Table(name = "agreement_view")
public class AgreementView extends PanacheEntityBase implements TimeTravel.Stamped {

    @Id
    public UUID id;
    @Column(nullable = false, length = 1000)
    public String title;
    @Column(length = 40)
    public String category;
    @Column(nullable = false, length = 20)
    public String status;
    @Column(name = "proposed_by", length = 16)
    public String proposedBy;
    @Column(name = "proposed_on")
    public LocalDate proposedOn;
    @Column(name = "entered_on")
    public LocalDate enteredOn;
    @Column(name = "expires_on")
    public LocalDate expiresOn;
    @Column(name = "first_entered_year")
    public Integer firstEnteredYear;
    /** The last day in force, once the agreement has expired, been terminated or superseded. */
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "end_reason", length = 4000)
    public String endReason;
    @Column(name = "superseded_by")
    public UUID supersededBy;
    /** The earlier agreement of the same line that this one continues. */
    @Column(name = "continues")
    public UUID continues;
    /** The ministry that coordinates an agreement of several ministries. */
    @Column(name = "coordinator", length = 16)
    public String coordinator;
    /** The sequence number of the last event applied, which is also the record's version. */
    @Column(nullable = false)
    public long version;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "agreement_view_party", joinColumns = @JoinColumn(name = "agreement_id"))
    @OrderColumn(name = "party_order")
    @Column(name = "party_code", nullable = false, length = 16)
    @BatchSize(size = 100)
    public List<String> parties = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "agreement_view_term", joinColumns = @JoinColumn(name = "agreement_id"))
    // An indexed list, not a bag: Hibernate rewrites a bag of elements whole on every change, which
    // made a renewal of an agreement with 1,000 terms delete and insert 1,000 rows (bench P2).
    @OrderColumn(name = "term_no")
    @ListIndexBase(1)
    @BatchSize(size = 100)
    public List<AgreementTermView> terms = new ArrayList<>();

    @Override
    public void stamp(long sequence, Instant recordedAt) {
        version = sequence;
        updatedAt = recordedAt;
    }

    public AgreementStatus status() {
        return AgreementStatus.valueOf(status);
    }

    public AgreementCategory category() {
        return category == null ? null : AgreementCategory.valueOf(category);
    }

    AgreementTermView currentTerm() {
        return terms.get(terms.size() - 1);
    }
}
