package no.samrad.cases.cost.query;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samrad.cases.query.ReportedCaseView;
import org.hibernate.annotations.BatchSize;

/** A cost-calculation case as the cost-case projection last saw it. */
@Entity
@Table(name = "cost_case_view")
public class CostCaseView extends ReportedCaseView {

    /** The responsible ministries, comma separated. */
    @Column(nullable = false, length = 500)
    public String ministries;
    @Column(length = 500)
    public String reform;
    @Column(nullable = false, length = 16)
    public String status;
    /** The first day the case was no longer open: concluded or withdrawn. */
    @Column(name = "ended_from")
    public LocalDate endedFrom;
    @Column(name = "concluded_on_text", length = 10)
    public String concludedOnText;
    @Column(length = 4000)
    public String outcome;
    @Column(name = "final_estimate_id")
    public UUID finalEstimateId;

    @ElementCollection
    @CollectionTable(name = "cost_case_estimate", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "estimate_order")
    @BatchSize(size = 100)
    public List<CostEstimateView> estimates = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "cost_case_status_update", joinColumns = @JoinColumn(name = "case_id"))
    @OrderColumn(name = "update_order")
    @BatchSize(size = 100)
    public List<CostStatusUpdateView> statusUpdates = new ArrayList<>();

    public List<String> ministryCodes() {
        return codes(ministries);
    }

    /** The ministry codes as the view keeps them, comma separated. */
    static List<String> codes(String ministries) {
        return Arrays.asList(ministries.split(","));
    }

    /** The estimate no later one revises and that was recorded last: what the case now reckons with. */
    public Optional<CostEstimateView> latestEstimate() {
        return latestOf(estimates);
    }

    /** Of a case's estimates in the order they were made, the one it now reckons with. */
    static Optional<CostEstimateView> latestOf(List<CostEstimateView> estimates) {
        for (int i = estimates.size() - 1; i >= 0; i--) {
            if (estimates.get(i).revisedBy == null) {
                return Optional.of(estimates.get(i));
            }
        }
        return Optional.empty();
    }
}
