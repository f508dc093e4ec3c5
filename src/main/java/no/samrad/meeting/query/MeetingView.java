package no.samrad.meeting.query;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.axon.TimeTravel;

/** A meeting as the projection last saw it. */
@Entity
@Table(name = "meeting_view")
public class MeetingView extends PanacheEntityBase implements TimeTravel.Stamped {

    @Id
    public UUID id;
    @Column(nullable = false, length = 32)
    public String kind;
    /** A consultation meeting's number in its budget cycle; {@code null} for the others. */
    @Column(name = "meeting_number")
    public Integer number;
    @Column(nullable = false, length = 16)
    public String status;
    @Column(nullable = false, length = 500)
    public String title;
    /** The date as precise as the record knows it: {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}. */
    @Column(name = "date_text", nullable = false, length = 10)
    public String dateText;
    @Column(name = "date_from", nullable = false)
    public LocalDate dateFrom;
    @Column(name = "date_to", nullable = false)
    public LocalDate dateTo;
    @Column(name = "budget_year", nullable = false)
    public int budgetYear;
    @Column(length = 16)
    public String ministry;
    @Column(name = "held_on", length = 10)
    public String heldOn;
    @Column(name = "cancelled_on")
    public LocalDate cancelledOn;
    @Column(name = "cancel_reason", length = 4000)
    public String cancelReason;
    @Column(nullable = false)
    public long version;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Override
    public void stamp(long sequence, Instant recordedAt) {
        version = sequence;
        updatedAt = recordedAt;
    }
}
