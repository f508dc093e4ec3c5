package no.samrad.cases.query;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.UUID;

/** A party's input (innspill) on the case. */
@Embeddable
public class CaseInputView {

    @Column(name = "input_id", nullable = false)
    public UUID inputId;
    @Column(nullable = false, length = 16)
    public String party;
    @Column(name = "given_on", nullable = false)
    public LocalDate givenOn;
    @Column(name = "input_text", nullable = false, length = 8000)
    public String text;
    @Column(name = "meeting_id")
    public UUID meetingId;
}
