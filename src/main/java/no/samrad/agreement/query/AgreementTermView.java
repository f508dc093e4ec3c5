package no.samrad.agreement.query;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** One term of an agreement: the first entry or a renewal. */
@Embeddable
public class AgreementTermView {

    private static final String SEPARATOR = ",";

    /** The term's place, from 1; written by the list's order column of {@link AgreementView#terms}. */
    @Column(name = "term_no", nullable = false, insertable = false, updatable = false)
    public int termNo;
    @Column(name = "entered_on", nullable = false)
    public LocalDate enteredOn;
    @Column(name = "expires_on", nullable = false)
    public LocalDate expiresOn;
    /** The last day in force where the term ended before its expiry date. */
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "parties", nullable = false, length = 500)
    public String parties;

    protected AgreementTermView() {
    }

    AgreementTermView(int termNo, LocalDate enteredOn, LocalDate expiresOn, List<String> parties) {
        this.termNo = termNo;
        this.enteredOn = enteredOn;
        this.expiresOn = expiresOn;
        this.parties = String.join(SEPARATOR, parties);
    }

    public List<String> partyCodes() {
        return Arrays.asList(parties.split(SEPARATOR));
    }
}
