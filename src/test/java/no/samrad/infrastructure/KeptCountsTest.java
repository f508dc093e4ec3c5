package no.samrad.infrastructure;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Agreements.post;
import static no.samrad.support.Cases.meeting;
import static no.samrad.support.Cases.newCase;
import static no.samrad.support.Cases.report;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.samrad.support.Api;
import no.samrad.support.MovableClock;
import no.samrad.support.Rebuilds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A list's {@code total} comes from counts the projections keep beside the views, while its items
 * come from the views: for every filter the counts serve, the two must agree, before and after a
 * record changes what it is counted by, and after a rebuild.
 */
@QuarkusTest
class KeptCountsTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void realToday() {
        clock.reset();
    }

    private static final List<String> LISTS = List.of(
            PATH, PATH + "?status=ACTIVE", PATH + "?status=TERMINATED", PATH + "?status=PROPOSED",
            PATH + "?expiringIn=2071", PATH + "?expiringIn=2075", PATH + "?status=ACTIVE&expiringIn=2075",
            PATH + "?status=TERMINATED&expiringIn=2075",
            "/api/v1/cost-cases", "/api/v1/cost-cases?status=OPEN", "/api/v1/cost-cases?status=CONCLUDED",
            "/api/v1/law-participation", "/api/v1/law-participation?status=AWAITING_DECISION",
            "/api/v1/cases", "/api/v1/cases?kind=COST_CALCULATION", "/api/v1/cases?status=WITHDRAWN",
            "/api/v1/cases?kind=SECTOR_MATTER&status=REPORTED",
            "/api/v1/meetings", "/api/v1/meetings?year=2070", "/api/v1/meetings?kind=SECOND_CONSULTATION",
            "/api/v1/meetings?status=CANCELLED&year=2070");

    @Test
    void everyListsTotalIsTheNumberOfItsItems() {
        String renewed = enter("Avtale som telles om", List.of("HOD", "KS"), LocalDate.of(2070, 1, 1),
                LocalDate.of(2071, 12, 31));
        post(PATH + "/" + renewed + "/renewals", Map.of("enteredOn", "2071-12-01", "expiresOn", "2075-12-31"))
                .statusCode(200);
        String terminated = enter("Avtale som sies opp og telles", List.of("KD", "KS"), LocalDate.of(2070, 1, 1),
                LocalDate.of(2075, 6, 30));
        post(PATH + "/" + terminated + "/termination", Map.of("terminatedOn", "2072-06-30", "reason", "Avløst"))
                .statusCode(200);
        post(PATH + "/proposals", Map.of("title", "Forslag som telles", "parties", List.of("HOD", "KS"),
                "proposedOn", "2026-01-01")).statusCode(201);
        String held = meeting("2070-03");
        String cancelled = meeting("2070-10");
        post("/api/v1/meetings/" + cancelled + "/cancellation", Map.of("cancelledOn", "2026-09-01",
                "reason", "Flyttet")).statusCode(200);
        Map<String, Object> cost = newCase("COST_CALCULATION", "Kostnadssak som telles", List.of("BFD"), held);
        cost.put("reform", "Reform");
        report(cost);
        Map<String, Object> law = newCase("LAW_PARTICIPATION", "Lovsak som telles", List.of("KD"), held);
        law.put("law", Map.of("title", "Lov om telling"));
        report(law);
        String withdrawn = report(newCase("SECTOR_MATTER", "Sak som trekkes og telles", List.of("KD"), held));
        clock.setToday(LocalDate.of(2070, 12, 31));
        post("/api/v1/cases/" + withdrawn + "/withdrawal", Map.of("withdrawnOn", "2070-05-01",
                "reason", "Løst")).statusCode(200);

        LISTS.forEach(KeptCountsTest::assertTotalIsTheNumberOfItems);
        Rebuilds.rebuildEveryReadModel();
        LISTS.forEach(KeptCountsTest::assertTotalIsTheNumberOfItems);
    }

    @Test
    void aRecordsCountMovesWithWhatItIsCountedBy() {
        long in2081 = total(PATH + "?expiringIn=2081");
        long in2085 = total(PATH + "?expiringIn=2085");
        long terminated = total(PATH + "?status=TERMINATED");

        String id = enter("Avtale som flyttes mellom tellinger", List.of("HOD", "KS"), LocalDate.of(2080, 1, 1),
                LocalDate.of(2081, 12, 31));
        assertEquals(in2081 + 1, total(PATH + "?expiringIn=2081"));
        post(PATH + "/" + id + "/renewals", Map.of("enteredOn", "2081-12-01", "expiresOn", "2085-12-31"))
                .statusCode(200);
        assertEquals(in2081, total(PATH + "?expiringIn=2081"));
        assertEquals(in2085 + 1, total(PATH + "?expiringIn=2085"));
        post(PATH + "/" + id + "/termination", Map.of("terminatedOn", "2083-06-30", "reason", "Avløst"))
                .statusCode(200);
        assertEquals(in2085, total(PATH + "?expiringIn=2085"), "a terminated agreement does not expire");
        assertEquals(terminated + 1, total(PATH + "?status=TERMINATED"));
    }

    /** Many commands count a combination no command has counted before, at once: each is counted once. */
    @Test
    void commandsThatCountANewCombinationAtOnceAreEachCountedOnce() throws Exception {
        int commands = 48;
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<String>> entered = new ArrayList<>();
            for (int i = 0; i < commands; i++) {
                int n = i;
                entered.add(pool.submit(() -> enter("Avtale som telles samtidig " + n, List.of("HOD", "KS"),
                        LocalDate.of(2190, 1, 1), LocalDate.of(2191, 6, 30))));
            }
            for (Future<String> agreement : entered) {
                agreement.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(commands, total(PATH + "?expiringIn=2191"));
        assertTotalIsTheNumberOfItems(PATH + "?expiringIn=2191");
    }

    private static long total(String path) {
        return Api.given().when().get(path).then().statusCode(200).extract().<Number>path("total").longValue();
    }

    /** Pages through the whole list and compares the items with the total of its first page. */
    private static void assertTotalIsTheNumberOfItems(String path) {
        String separator = path.contains("?") ? "&" : "?";
        long total = total(path);
        long items = 0;
        for (int offset = 0; ; offset += 500) {
            List<?> page = Api.given().when().get(path + separator + "limit=500&offset=" + offset).then()
                    .statusCode(200).extract().path("items");
            items += page.size();
            if (page.size() < 500) {
                break;
            }
        }
        assertEquals(total, items, path);
    }
}
