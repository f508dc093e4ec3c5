package no.samrad.cases.cost.api;

import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.api.StoredAs;
import org.axonframework.serialization.Revision;

/** Recorded with the report of a cost-calculation case: the reform whose costs are to be calculated. */
@StoredAs("no.samrad.costcase.api.CostCalculationOpened")
@Revision("1")
public record CostCalculationOpened(UUID caseId, String reform) implements CostCaseEvent {

    @Override
    public LocalDate effectiveOn() {
        return null;
    }
}
