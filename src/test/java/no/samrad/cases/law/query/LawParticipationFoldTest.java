package no.samrad.cases.law.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.samrad.cases.api.CaseConcluded;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.CaseReported;
import no.samrad.cases.api.CaseWithdrawn;
import no.samrad.cases.api.LawKind;
import no.samrad.cases.law.api.LawMilestone;
import no.samrad.cases.law.api.LawMilestoneReached;
import no.samrad.cases.law.api.LawParticipationDecided;
import no.samrad.cases.law.api.LawParticipationDecision;
import no.samrad.cases.law.api.LawParticipationRequested;
import no.samrad.infrastructure.api.PartialDate;
import org.junit.jupiter.api.Test;

/** The law-participation case's one fold, event type by event type, without a database. */
class LawParticipationFoldTest {

    private static final UUID ID = UUID.fromString("c2930415-d6e7-41f8-82c3-0415a6b7c8d9");
    private static final UUID MEETING = UUID.fromString("d3041526-e7f8-4209-93d4-1526b7c8d9ea");

    private static LawParticipationView requested() {
        LawParticipationView view = LawParticipationFold.apply(null, new CaseReported(ID, "2021/0009",
                CaseKind.LAW_PARTICIPATION, "Ny opplæringslov", List.of("KD"), "KS", MEETING,
                PartialDate.parse("2021-03"), null));
        return LawParticipationFold.apply(view, new LawParticipationRequested(ID, "KS",
                "Lov om grunnskolen og den vidaregåande opplæringa", LawKind.LAW, true));
    }

    @Test
    void reportedAndRequestedAwaitTheDecisionWithTheLawInQuestion() {
        LawParticipationView view = requested();
        assertEquals("AWAITING_DECISION", view.state);
        assertEquals("KS", view.requestedBy);
        assertEquals("Lov om grunnskolen og den vidaregåande opplæringa", view.lawTitle);
        assertEquals("LAW", view.lawKind);
        assertTrue(view.eeaOrigin);
        assertEquals("KD", view.ministries);
    }

    @Test
    void aReportOfAnotherKindGivesNoView() {
        assertNull(LawParticipationFold.apply(null, new CaseReported(ID, "2021/0010", CaseKind.COST_CALCULATION,
                "Kostnad", List.of("KD"), "KS", MEETING, PartialDate.parse("2021-03"), null)));
    }

    @Test
    void anAcceptedRequestIsInProgressAndADeclinedOneIsDeclined() {
        LawParticipationView accepted = LawParticipationFold.apply(requested(), new LawParticipationDecided(ID,
                LawParticipationDecision.ACCEPTED, "KS deltar", PartialDate.parse("2021-05")));
        assertEquals("IN_PROGRESS", accepted.state);
        assertEquals("ACCEPTED", accepted.decision);
        assertEquals("2021-05", accepted.decidedOnText);
        LawParticipationView declined = LawParticipationFold.apply(requested(), new LawParticipationDecided(ID,
                LawParticipationDecision.DECLINED, "Nei", null));
        assertEquals("DECLINED", declined.state);
        assertNull(declined.decidedOnText);
    }

    @Test
    void milestoneReachedIsKeptWithItsDate() {
        LawParticipationView view = LawParticipationFold.apply(requested(), new LawMilestoneReached(ID,
                LawMilestone.PUBLIC_CONSULTATION, PartialDate.parse("2021-06")));
        assertEquals("PUBLIC_CONSULTATION", view.milestones.get(0).milestone);
        assertEquals("2021-06", view.milestones.get(0).reachedOn);
    }

    @Test
    void concludedEndsTheCaseFromTheFirstDayOfItsDate() {
        LawParticipationView view = LawParticipationFold.apply(requested(), new CaseConcluded(ID,
                PartialDate.parse("2021"), "Loven er vedtatt", null));
        assertEquals("CONCLUDED", view.state);
        assertEquals(LocalDate.of(2021, 1, 1), view.endedFrom);
        assertEquals("Loven er vedtatt", view.outcome);
    }

    @Test
    void withdrawnEndsTheCaseOnItsDay() {
        LawParticipationView view = LawParticipationFold.apply(requested(), new CaseWithdrawn(ID,
                LocalDate.of(2021, 5, 2), "Trukket"));
        assertEquals("WITHDRAWN", view.state);
        assertEquals(LocalDate.of(2021, 5, 2), view.endedFrom);
        assertTrue(view.milestones.isEmpty());
    }

    @Test
    void anEventBeforeTheReportFindsNoView() {
        assertNull(LawParticipationFold.apply(null, new LawMilestoneReached(ID, LawMilestone.PUBLIC_CONSULTATION,
                PartialDate.parse("2021-06"))));
    }
}
