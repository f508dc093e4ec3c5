package no.samrad.dashboard.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import no.samrad.agreement.query.AgreementTermView;
import no.samrad.agreement.query.AgreementView;
import no.samrad.cases.query.CaseAgendaView;
import no.samrad.cases.query.CaseView;
import no.samrad.meeting.query.MeetingView;
import org.junit.jupiter.api.Test;

/** The state a record was in on a day, worked out from its view alone. */
class StatesOnDayTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static AgreementView agreement(String status, LocalDate proposedOn) {
        AgreementView view = new AgreementView();
        view.id = UUID.randomUUID();
        view.status = status;
        view.proposedOn = proposedOn;
        return view;
    }

    private static AgreementView withTerm(AgreementView view, String enteredOn, String expiresOn, String endedOn) {
        AgreementTermView term = new AgreementTermView() {
        };
        term.termNo = view.terms.size() + 1;
        term.enteredOn = LocalDate.parse(enteredOn);
        term.expiresOn = LocalDate.parse(expiresOn);
        term.endedOn = endedOn == null ? null : LocalDate.parse(endedOn);
        view.terms.add(term);
        return view;
    }

    private static Optional<String> on(AgreementView view, String day) {
        return StatesOnDay.agreement(view, LocalDate.parse(day));
    }

    @Test
    void anAgreementDoesNotCountBeforeItIsEnteredOrProposed() {
        AgreementView entered = withTerm(agreement("EXPIRED", null), "2018-04-20", "2021-12-31", null);
        AgreementView proposed = withTerm(agreement("ACTIVE", LocalDate.of(2018, 1, 10)), "2018-04-20",
                "2021-12-31", null);

        assertEquals(Optional.empty(), on(entered, "2018-04-19"));
        assertEquals(Optional.empty(), on(proposed, "2018-01-09"));
        assertEquals(Optional.of("PROPOSED"), on(proposed, "2018-01-10"));
        assertEquals(Optional.of("PROPOSED"), on(agreement("PROPOSED", null), "2000-01-01"),
                "a proposal without a date counts on any day");
    }

    @Test
    void anAgreementIsActiveThroughItsTermsAndExpiredAfterTheLast() {
        AgreementView renewed = withTerm(withTerm(agreement("EXPIRED", null), "2018-04-20", "2021-12-31", null),
                "2021-12-01", "2023-12-31", null);

        assertEquals(Optional.of("ACTIVE"), on(renewed, "2018-04-20"));
        assertEquals(Optional.of("ACTIVE"), on(renewed, "2021-04-20"));
        assertEquals(Optional.of("ACTIVE"), on(renewed, "2023-12-31"));
        assertEquals(Optional.of("EXPIRED"), on(renewed, "2024-01-01"));
    }

    @Test
    void anAgreementEndedEarlyCountsAsEndedFromTheDayAfterItsLastDay() {
        AgreementView terminated = withTerm(agreement("TERMINATED", null), "2020-01-01", "2025-12-31",
                "2022-06-30");

        assertEquals(Optional.of("ACTIVE"), on(terminated, "2022-06-30"));
        assertEquals(Optional.of("TERMINATED"), on(terminated, "2022-07-01"));
    }

    @Test
    void renegotiationCountsOnlyInTheLatestTerm() {
        AgreementView renegotiating = withTerm(withTerm(agreement("RENEGOTIATION", null), "2020-01-01",
                "2022-12-31", null), "2022-12-01", "2026-12-31", null);

        assertEquals(Optional.of("ACTIVE"), on(renegotiating, "2021-06-01"));
        assertEquals(Optional.of("RENEGOTIATION"), on(renegotiating, "2025-06-01"));
        assertEquals(Optional.of("EXPIRED"), on(renegotiating, "2027-01-01"));
    }

    private static MeetingView meeting(String heldOn, LocalDate cancelledOn) {
        MeetingView view = new MeetingView();
        view.heldOn = heldOn;
        view.cancelledOn = cancelledOn;
        return view;
    }

    @Test
    void aMeetingIsScheduledUntilItIsHeldOrCancelled() {
        assertEquals("SCHEDULED", StatesOnDay.meeting(meeting("2021-04", null), LocalDate.of(2021, 3, 31)));
        assertEquals("HELD", StatesOnDay.meeting(meeting("2021-04", null), LocalDate.of(2021, 4, 1)),
                "from the first day a partial date allows");
        assertEquals("SCHEDULED", StatesOnDay.meeting(meeting(null, LocalDate.of(2021, 5, 3)),
                LocalDate.of(2021, 5, 2)));
        assertEquals("CANCELLED", StatesOnDay.meeting(meeting(null, LocalDate.of(2021, 5, 3)),
                LocalDate.of(2021, 5, 3)));
    }

    private static CaseView aCase(String status, String reportedFrom) {
        CaseView view = new CaseView();
        view.status = status;
        view.reportedFrom = LocalDate.parse(reportedFrom);
        return view;
    }

    private static CaseView onAgendaOf(CaseView view, String meetingDate) {
        CaseAgendaView item = new CaseAgendaView();
        item.meetingId = UUID.randomUUID();
        item.meetingDate = meetingDate;
        view.agenda.add(item);
        return view;
    }

    private static Optional<String> on(CaseView view, String day) {
        return StatesOnDay.aCase(view, LocalDate.parse(day), TODAY);
    }

    @Test
    void aCaseCountsFromItsReportAndIsEndedFromItsConclusionOrWithdrawal() {
        CaseView concluded = aCase("CONCLUDED", "2019-01-01");
        concluded.concludedOnText = "2021-06";
        CaseView withdrawn = aCase("WITHDRAWN", "2019-01-01");
        withdrawn.withdrawnOn = LocalDate.of(2021, 6, 15);

        assertEquals(Optional.empty(), on(concluded, "2018-12-31"));
        assertEquals(Optional.of("CONCLUDED"), on(concluded, "2021-06-01"));
        assertEquals(Optional.of("WITHDRAWN"), on(withdrawn, "2021-06-15"));
    }

    @Test
    void anOpenCaseWhoseStageThenIsNotDatedCountsAsOpen() {
        CaseView concluded = aCase("CONCLUDED", "2019-01-01");
        concluded.concludedOnText = "2021-06";

        assertEquals(Optional.of("OPEN"), on(concluded, "2021-05-31"), "ended since");
        assertEquals(Optional.of("OPEN"), on(onAgendaOf(aCase("ON_AGENDA", "2019-01-01"), "2021-04"), "2020-06-01"),
                "on the agenda of a later meeting: when it was put there is not recorded");
    }

    @Test
    void anOpenCaseKeepsItsRecordedStageWhereNothingLaterIsRecorded() {
        CaseView placed = onAgendaOf(aCase("ON_AGENDA", "2019-01-01"), "2027-04");

        assertEquals(Optional.of("ON_AGENDA"), on(placed, TODAY.toString()), "today the recorded stage is exact");
        assertEquals(Optional.of("ON_AGENDA"), on(placed, "2027-05-01"));
        assertEquals(Optional.of("REPORTED"), on(aCase("REPORTED", "2019-01-01"), "2020-01-01"));
    }
}
