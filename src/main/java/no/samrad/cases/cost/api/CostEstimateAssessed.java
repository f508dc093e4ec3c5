package no.samrad.cases.cost.api;

import java.time.LocalDate;
import java.util.UUID;
import no.samrad.infrastructure.api.EntryEvent;
import no.samrad.infrastructure.api.StoredAs;
import org.axonframework.serialization.Revision;

/** KS assessed a ministry's estimate: agrees or disagrees, with its reasons. */
@StoredAs("no.samrad.costcase.api.CostEstimateAssessed")
@Revision("1")
public record CostEstimateAssessed(UUID caseId, UUID estimateId, AssessmentVerdict verdict, String reasons,
                                   LocalDate assessedOn) implements CostCaseEvent, EntryEvent {

    @Override
    public LocalDate effectiveOn() {
        return assessedOn;
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
