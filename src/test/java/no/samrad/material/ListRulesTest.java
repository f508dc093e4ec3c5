package no.samrad.material;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.samrad.agreement.api.AgreementStatus;
import no.samrad.agreement.query.AgreementFilter;
import no.samrad.agreement.query.AgreementQueries;
import no.samrad.agreement.query.AgreementTimeTravel;
import no.samrad.cases.cost.query.CostCaseQueries;
import no.samrad.cases.law.query.LawParticipationQueries;
import no.samrad.cases.query.ReportedCaseView;
import no.samrad.meeting.query.MeetingQueries;
import no.samrad.meeting.query.MeetingView;
import no.samrad.support.WithDemoData;
import org.junit.jupiter.api.Test;

/**
 * Each list answers the same today (its rule run in the database) and as of now (the same rule
 * testing the views folded from the events), on every day of 2021 with the 2021 material: the
 * agreements in force and the agreement list's filters, and appendices a and b of each of the
 * material's meetings.
 */
@QuarkusTest
@TestProfile(WithDemoData.class)
class ListRulesTest {

    private static final int ALL = 10_000;

    @Inject
    AgreementQueries agreements;

    @Inject
    AgreementTimeTravel agreementTimeTravel;

    @Inject
    CostCaseQueries costCases;

    @Inject
    LawParticipationQueries lawParticipation;

    @Inject
    MeetingQueries meetings;

    @Test
    @TestTransaction
    void everyListAnswersAlikeTodayAndAsOfNowOnEveryDayOf2021() {
        await("the material imported and its agreements expired").atMost(Duration.ofSeconds(60)).pollInSameThread()
                .until(() -> agreements.list(new AgreementFilter(null, null, null, null, AgreementStatus.EXPIRED),
                        LocalDate.now(), ALL, 0).total() == 10);
        Instant now = Instant.now();
        List<MeetingView> materialMeetings = meetings.list(new MeetingQueries.Filter(null, null, null, null, null),
                ALL, 0).items();
        assertTrue(materialMeetings.size() >= 6, "the material's meetings");
        int inForce = 0;
        int listed = 0;
        int appendixRows = 0;
        for (LocalDate day = LocalDate.of(2021, 1, 1); day.getYear() == 2021; day = day.plusDays(1)) {
            List<String> today = agreements.inForceOn(day).stream()
                    .map(row -> row.agreement().id + "/" + row.term().termNo).toList();
            assertEquals(today, agreementTimeTravel.inForceOn(day, now).stream()
                    .map(row -> row.agreement().id + "/" + row.term().termNo).toList(), "in force on " + day);
            inForce += today.size();
            for (AgreementFilter filter : List.of(new AgreementFilter(null, null, day, null, null),
                    new AgreementFilter(null, 365, null, null, null),
                    new AgreementFilter(day.getYear() + 1, null, null, null, null),
                    new AgreementFilter(null, null, day, "KS", null))) {
                AgreementQueries.Result fromTables = agreements.list(filter, day, ALL, 0);
                AgreementQueries.Result fromEvents = agreementTimeTravel.list(filter, now, day, ALL, 0);
                assertEquals(ids(fromTables), ids(fromEvents), filter + " on " + day);
                assertEquals(fromTables.total(), fromEvents.total(), "the total of " + filter + " on " + day);
                listed += fromTables.items().size();
            }
            for (MeetingView meeting : materialMeetings) {
                List<UUID> a = caseIds(costCases.carriedOverTo(meeting.id, day));
                assertEquals(a, caseIds(costCases.carriedOverTo(meeting.id, day, now)), "appendix a on " + day);
                List<UUID> b = caseIds(lawParticipation.openOn(day, meeting.id));
                assertEquals(b, caseIds(lawParticipation.openOn(day, meeting.id, now)), "appendix b on " + day);
                appendixRows += a.size() + b.size();
            }
        }
        assertTrue(inForce > 0 && listed > 0 && appendixRows > 0,
                "the lists compared were not all empty: " + inForce + ", " + listed + ", " + appendixRows);
    }

    private static List<UUID> ids(AgreementQueries.Result result) {
        return result.items().stream().map(AgreementQueries.ListItem::id).toList();
    }

    private static List<UUID> caseIds(List<? extends ReportedCaseView> views) {
        return views.stream().map(view -> view.id).toList();
    }
}
