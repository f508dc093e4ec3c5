package no.samrad.costcase.api;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** KS assessed a ministry's estimate: agrees or disagrees, with its reasons. */
@Revision("1")
public record CostEstimateAssessed(UUID caseId, UUID estimateId, AssessmentVerdict verdict, String reasons,
                                   LocalDate assessedOn) implements CostCaseEvent {

    @Override
    public LocalDate effectiveOn() {
        return assessedOn;
    }
}
