package no.samrad.dashboard.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.samrad.cases.law.query.LawParticipationView;
import org.junit.jupiter.api.Test;

/** What the dashboard makes of law-participation requests, without the database. */
class DashboardComputationTest {

    private static final LocalDate DAY = LocalDate.of(2021, 4, 20);

    private static LawParticipationView request(String title, String decision, String decidedOn) {
        LawParticipationView view = new LawParticipationView();
        view.id = UUID.randomUUID();
        view.caseNumber = "2021/0001";
        view.numberYear = 2021;
        view.numberSequence = 1;
        view.title = title;
        view.ministries = "KD";
        view.reportedOnText = "2019";
        view.reportedFrom = LocalDate.of(2019, 1, 1);
        view.state = decision == null ? "AWAITING_DECISION" : "IN_PROGRESS";
        view.decision = decision;
        view.decidedOnText = decidedOn;
        return view;
    }

    private static List<String> waiting(LawParticipationView... requests) {
        return DashboardQueries.compute(new DashboardQueries.Records(List.of(), List.of(), List.of(), List.of(),
                List.of(requests)), DAY, null, DAY, 0).awaitingDecision().stream().map(Dashboard.WaitingRequest::title)
                .toList();
    }

    @Test
    void aRequestWaitsUntilTheDayItIsAnswered() {
        assertEquals(List.of("Unanswered", "Answered in May"), waiting(request("Unanswered", null, null),
                request("Answered in May", "ACCEPTED", "2021-05"), request("Answered in April", "DECLINED", "2021-04")));
    }

    @Test
    void anAnswerRecordedWithoutADateCountsAsGivenBeforeAnyDay() {
        assertEquals(List.of(), waiting(request("Accepted, date unknown", "ACCEPTED", null)));
    }

    @Test
    void daysWaitedCountFromTheFirstDayOfAPartialReportDate() {
        Dashboard.WaitingRequest waiting = DashboardQueries.compute(new DashboardQueries.Records(List.of(), List.of(),
                List.of(), List.of(), List.of(request("Unanswered", null, null))), DAY, null, DAY, 0)
                .awaitingDecision().get(0);

        assertEquals(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2019, 1, 1), DAY), waiting.daysWaited());
    }
}
