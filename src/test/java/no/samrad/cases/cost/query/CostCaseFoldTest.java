package no.samrad.cases.cost.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.samrad.cases.api.CaseConcluded;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.CaseReported;
import no.samrad.cases.api.CaseWithdrawn;
import no.samrad.cases.cost.api.AssessmentVerdict;
import no.samrad.cases.cost.api.CostCalculationOpened;
import no.samrad.cases.cost.api.CostCaseStatusGiven;
import no.samrad.cases.cost.api.CostEstimateAssessed;
import no.samrad.cases.cost.api.CostEstimateRecorded;
import no.samrad.infrastructure.api.PartialDate;
import org.junit.jupiter.api.Test;

/** The cost case's one fold, event type by event type, without a database. */
class CostCaseFoldTest {

    private static final UUID ID = UUID.fromString("8e5f6071-92a3-4db4-8e5f-6071829304a5");
    private static final UUID MEETING = UUID.fromString("9f607182-a3b4-4ec5-9f60-71829304a5b6");
    private static final UUID FIRST = UUID.fromString("a0718293-b4c5-4fd6-a071-829304a5b6c7");
    private static final UUID REVISED = UUID.fromString("b1829304-c5d6-40e7-b182-9304a5b6c7d8");

    private static CostCaseView opened() {
        CostCaseView view = CostCaseFold.apply(null, new CaseReported(ID, "2021/0003", CaseKind.COST_CALCULATION,
                "Barnevernsreformen", List.of("BFD", "KMD"), "KS", MEETING, PartialDate.parse("2021-03"), null));
        return CostCaseFold.apply(view, new CostCalculationOpened(ID, "Barnevernsreformen"));
    }

    private static CostEstimateRecorded estimate(UUID id, String amount, UUID revises) {
        return new CostEstimateRecorded(ID, id, new BigDecimal(amount), 2022, 2025, "Antall barn", "Per tiltak", "BFD",
                LocalDate.of(2021, 6, 1), revises);
    }

    @Test
    void reportedAndOpenedGiveAnOpenedViewWithTheReform() {
        CostCaseView view = opened();
        assertEquals("OPENED", view.status);
        assertEquals("BFD,KMD", view.ministries);
        assertEquals("Barnevernsreformen", view.reform);
        assertEquals("2021/0003", view.caseNumber);
    }

    @Test
    void aReportOfAnotherKindGivesNoView() {
        assertNull(CostCaseFold.apply(null, new CaseReported(ID, "2021/0004", CaseKind.SECTOR_MATTER, "Fagsak",
                List.of("BFD"), "KS", MEETING, PartialDate.parse("2021-03"), null)));
    }

    @Test
    void estimateRecordedMakesTheCaseOngoingAndARevisionMarksTheOneItRevises() {
        CostCaseView view = CostCaseFold.apply(opened(), estimate(FIRST, "125000000.50", null));
        assertEquals("ONGOING", view.status);
        assertEquals(new BigDecimal("125000000.50"), view.estimates.get(0).amountNok);
        assertEquals(2022, view.estimates.get(0).periodFrom);
        assertEquals(2025, view.estimates.get(0).periodTo);
        view = CostCaseFold.apply(view, estimate(REVISED, "130000000", FIRST));
        assertEquals(REVISED, view.estimates.get(0).revisedBy);
        assertEquals(FIRST, view.estimates.get(1).revises);
        assertNull(view.estimates.get(1).revisedBy);
    }

    @Test
    void estimateAssessedGivesThatEstimateItsVerdict() {
        CostCaseView view = CostCaseFold.apply(opened(), estimate(FIRST, "10", null));
        view = CostCaseFold.apply(view, new CostEstimateAssessed(ID, FIRST, AssessmentVerdict.DISAGREES, "For lavt",
                LocalDate.of(2021, 7, 1)));
        assertEquals("DISAGREES", view.estimates.get(0).verdict);
        assertEquals("For lavt", view.estimates.get(0).reasons);
        assertEquals(LocalDate.of(2021, 7, 1), view.estimates.get(0).assessedOn);
    }

    @Test
    void statusGivenIsKeptAndMakesTheCaseOngoing() {
        CostCaseView view = CostCaseFold.apply(opened(), new CostCaseStatusGiven(ID, MEETING, LocalDate.of(2021, 4, 20),
                "Arbeidet pågår"));
        assertEquals("ONGOING", view.status);
        assertEquals("Arbeidet pågår", view.statusUpdates.get(0).text);
        assertEquals(MEETING, view.statusUpdates.get(0).meetingId);
    }

    @Test
    void concludedEndsTheCaseFromTheFirstDayOfItsDate() {
        CostCaseView view = CostCaseFold.apply(opened(), new CaseConcluded(ID, PartialDate.parse("2021-11"),
                "Enighet", FIRST));
        assertEquals("CONCLUDED", view.status);
        assertEquals(LocalDate.of(2021, 11, 1), view.endedFrom);
        assertEquals("2021-11", view.concludedOnText);
        assertEquals(FIRST, view.finalEstimateId);
    }

    @Test
    void withdrawnEndsTheCaseOnItsDay() {
        CostCaseView view = CostCaseFold.apply(opened(), new CaseWithdrawn(ID, LocalDate.of(2021, 5, 2), "Trukket"));
        assertEquals("WITHDRAWN", view.status);
        assertEquals(LocalDate.of(2021, 5, 2), view.endedFrom);
    }

    @Test
    void anEventBeforeTheReportFindsNoViewAndTheReportComesOnce() {
        assertNull(CostCaseFold.apply(null, new CostCalculationOpened(ID, "Reform")));
        CostCaseView view = opened();
        assertSame(view, CostCaseFold.apply(view, new CaseReported(ID, "2021/0003", CaseKind.COST_CALCULATION,
                "Igjen", List.of("BFD"), "KS", MEETING, PartialDate.parse("2021-03"), null)));
        assertEquals("Barnevernsreformen", view.title);
    }
}
