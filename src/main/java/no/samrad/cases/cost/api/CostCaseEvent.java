package no.samrad.cases.cost.api;

import no.samrad.cases.api.CaseFact;

/** The facts only a cost-calculation case records. Each is a stored contract: see docs/events.md. */
public sealed interface CostCaseEvent extends CaseFact
        permits CostCalculationOpened, CostEstimateRecorded, CostEstimateAssessed, CostCaseStatusGiven {
}
