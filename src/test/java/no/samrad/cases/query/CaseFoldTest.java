package no.samrad.cases.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.samrad.cases.api.CaseConcluded;
import no.samrad.cases.api.CaseDiscussed;
import no.samrad.cases.api.CaseInputAdded;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.CasePutOnAgenda;
import no.samrad.cases.api.CaseReported;
import no.samrad.cases.api.CaseWithdrawn;
import no.samrad.cases.api.DiscussionOutcome;
import no.samrad.cases.cost.api.CostCalculationOpened;
import no.samrad.infrastructure.api.PartialDate;
import org.junit.jupiter.api.Test;

/** The case's one fold, event type by event type, without a database. */
class CaseFoldTest {

    private static final UUID ID = UUID.fromString("5b2c3d4e-6f70-4a81-9b2c-3d4e5f607182");
    private static final UUID MEETING = UUID.fromString("6c3d4e5f-7081-4b92-8c3d-4e5f60718293");
    private static final UUID LATER_MEETING = UUID.fromString("7d4e5f60-8192-4ca3-9d4e-5f6071829304");
    private static final CaseReported REPORTED = new CaseReported(ID, "2021/0007", CaseKind.SECTOR_MATTER,
            "Boligsosiale virkemidler", List.of("KMD"), "KS", MEETING, PartialDate.parse("2021-03"), "Et sammendrag");

    private static CaseView reported() {
        return CaseFold.apply(null, REPORTED);
    }

    @Test
    void reportedGivesAViewWithTheNumberTheMinistriesAndTheDateAsKnown() {
        CaseView view = reported();
        assertEquals("SECTOR_MATTER", view.kind);
        assertEquals("REPORTED", view.status);
        assertEquals("2021/0007", view.caseNumber);
        assertEquals(2021, view.numberYear);
        assertEquals(7, view.numberSequence);
        assertEquals(List.of("KMD"), view.ministries);
        assertEquals("2021-03", view.reportedOnText);
        assertEquals(LocalDate.of(2021, 3, 1), view.reportedFrom);
        assertEquals("Et sammendrag", view.summary);
        assertSame(view, CaseFold.apply(view, REPORTED), "a case is reported once");
    }

    @Test
    void inputAddedIsKeptWithItsPartyDayAndMeeting() {
        UUID input = UUID.randomUUID();
        CaseView view = CaseFold.apply(reported(), new CaseInputAdded(ID, input, "KMD", LocalDate.of(2021, 3, 10),
                "Departementets innspill", MEETING));
        assertEquals(1, view.inputs.size());
        assertEquals(input, view.inputs.get(0).inputId);
        assertEquals("KMD", view.inputs.get(0).party);
        assertEquals(LocalDate.of(2021, 3, 10), view.inputs.get(0).givenOn);
        assertEquals(MEETING, view.inputs.get(0).meetingId);
        assertEquals("REPORTED", view.status, "an input does not move the case");
    }

    @Test
    void putOnAgendaAddsTheMeetingAndPutsTheCaseOnTheAgenda() {
        CaseView view = CaseFold.apply(reported(), new CasePutOnAgenda(ID, MEETING, PartialDate.parse("2021-04-20")));
        assertEquals("ON_AGENDA", view.status);
        assertEquals(MEETING, view.agenda.get(0).meetingId);
        assertEquals("2021-04-20", view.agenda.get(0).meetingDate);
        assertNull(view.agenda.get(0).outcome);
    }

    @Test
    void discussedIsDiscussedOnlyWhenNoMeetingOnTheAgendaAwaitsItsOutcome() {
        CaseView view = CaseFold.apply(reported(), new CasePutOnAgenda(ID, MEETING, PartialDate.parse("2021-04")));
        view = CaseFold.apply(view, new CasePutOnAgenda(ID, LATER_MEETING, PartialDate.parse("2021-10")));
        view = CaseFold.apply(view, new CaseDiscussed(ID, MEETING, DiscussionOutcome.INFORMED, "Orientert"));
        assertEquals("ON_AGENDA", view.status);
        assertEquals("INFORMED", view.agenda.get(0).outcome);
        assertEquals("Orientert", view.agenda.get(0).note);
        view = CaseFold.apply(view, new CaseDiscussed(ID, LATER_MEETING, DiscussionOutcome.DISCUSSED, null));
        assertEquals("DISCUSSED", view.status);
    }

    @Test
    void concludedKeepsTheDayTheOutcomeAndTheFinalEstimate() {
        UUID estimate = UUID.randomUUID();
        CaseView view = CaseFold.apply(reported(), new CaseConcluded(ID, PartialDate.parse("2021-11"), "Enighet",
                estimate));
        assertEquals("CONCLUDED", view.status);
        assertEquals("2021-11", view.concludedOnText);
        assertEquals("Enighet", view.outcome);
        assertEquals(estimate, view.finalEstimateId);
    }

    @Test
    void withdrawnKeepsTheDayAndTheReason() {
        CaseView view = CaseFold.apply(reported(), new CaseWithdrawn(ID, LocalDate.of(2021, 5, 2), "Trukket"));
        assertEquals("WITHDRAWN", view.status);
        assertEquals(LocalDate.of(2021, 5, 2), view.withdrawnOn);
        assertEquals("Trukket", view.withdrawReason);
    }

    @Test
    void theCostAndLawEventsLeaveTheCaseViewAsItIs() {
        CaseView view = reported();
        assertSame(view, CaseFold.apply(view, new CostCalculationOpened(ID, "Reform")));
        assertEquals("REPORTED", view.status);
    }

    @Test
    void anEventBeforeTheReportFindsNoView() {
        assertNull(CaseFold.apply(null, new CaseWithdrawn(ID, LocalDate.of(2021, 5, 2), "Trukket")));
    }
}
