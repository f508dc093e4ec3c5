package no.samrad.cases.cost.query;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.UUID;

/** A status of the calculation given to a meeting. */
@Embeddable
public class CostStatusUpdateView {

    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;
    @Column(name = "given_on", nullable = false)
    public LocalDate givenOn;
    @Column(name = "update_text", nullable = false, length = 8000)
    public String text;
}
