package no.samrad.cases.query;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** A meeting whose agenda held the case, and what it did with it once recorded. */
@Embeddable
public class CaseAgendaView {

    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;
    @Column(name = "meeting_date", nullable = false, length = 10)
    public String meetingDate;
    @Column(length = 16)
    public String outcome;
    @Column(length = 4000)
    public String note;
}
