package no.samrad.cases.cost.query;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One estimate of a cost case, with KS' assessment once given. */
@Embeddable
public class CostEstimateView {

    @Column(name = "estimate_id", nullable = false)
    public UUID estimateId;
    @Column(name = "amount_nok", nullable = false, precision = 17, scale = 2)
    public BigDecimal amountNok;
    @Column(name = "period_from", nullable = false)
    public int periodFrom;
    @Column(name = "period_to", nullable = false)
    public int periodTo;
    @Column(nullable = false, length = 4000)
    public String basis;
    @Column(nullable = false, length = 4000)
    public String method;
    @Column(name = "made_by", nullable = false, length = 16)
    public String madeBy;
    @Column(name = "made_on", nullable = false)
    public LocalDate madeOn;
    @Column(name = "revises")
    public UUID revises;
    @Column(name = "revised_by")
    public UUID revisedBy;
    @Column(length = 16)
    public String verdict;
    @Column(length = 4000)
    public String reasons;
    @Column(name = "assessed_on")
    public LocalDate assessedOn;
}
