package no.samrad.cases.cost.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.api.EntryEvent;
import no.samrad.infrastructure.api.StoredAs;
import org.axonframework.serialization.Revision;

/**
 * An estimate of the reform's costs for the municipal sector, in NOK for the years
 * {@code periodFrom}–{@code periodTo}, made by KS or a responsible ministry. An estimate is never
 * changed: a revision is a new estimate that names the one it {@code revises}.
 */
@StoredAs("no.samrad.costcase.api.CostEstimateRecorded")
@Revision("1")
public record CostEstimateRecorded(UUID caseId, UUID estimateId, BigDecimal amountNok, int periodFrom, int periodTo,
                                   String basis, String method, String madeBy, LocalDate madeOn, UUID revises)
        implements CostCaseEvent, EntryEvent {

    @Override
    public LocalDate effectiveOn() {
        return madeOn;
    }

    @Override
    public String entry() {
        return "estimates[" + estimateId + "]";
    }

    @Override
    public String entryKeyField() {
        return "estimateId";
    }
}
