package no.samrad.cases;

import static no.samrad.support.Agreements.post;
import static no.samrad.support.Api.given;
import static no.samrad.support.Cases.meeting;
import static no.samrad.support.Cases.newCase;
import static no.samrad.support.Cases.report;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.samrad.cases.cost.query.CostCaseProjection;
import no.samrad.cases.cost.query.CostCaseView;
import no.samrad.cases.law.query.LawParticipationProjection;
import no.samrad.cases.law.query.LawParticipationView;
import no.samrad.cases.query.CaseProjection;
import no.samrad.cases.query.CaseView;
import no.samrad.infrastructure.axon.ReadModels;
import no.samrad.support.Api;
import no.samrad.support.MovableClock;
import no.samrad.support.Rebuilds;
import no.samrad.support.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The three case read models are disposable: wiped and replayed, they answer exactly as before. */
@QuarkusTest
class CaseReplayTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void realToday() {
        clock.reset();
    }

    @Inject
    ReadModels readModels;
    @Inject
    Store store;

    private static String answers(String path) {
        return given().when().get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void wipingTheCaseReadModelsAndRebuildingThemGivesIdenticalAnswers() {
        clock.setToday(LocalDate.of(2065, 12, 31));
        String earlier = meeting("2065-03");
        String later = meeting("2065-10");
        Map<String, Object> cost = newCase("COST_CALCULATION", "Kostnader ved ny barnevernslov", List.of("BFD"),
                earlier);
        cost.put("reform", "Ny barnevernslov");
        cost.put("reportedOn", "2065-02");
        String costCase = report(cost);
        Api.as("BFD", Api.KS_READ_WRITE).contentType(ContentType.JSON)
                .body(Map.of("amountNok", 1250000.5, "periodFrom", 2066, "periodTo", 2068, "basis", "B",
                        "method", "M", "madeOn", "2065-02-10"))
                .when().post("/api/v1/cost-cases/" + costCase + "/estimates").then().statusCode(200);
        post("/api/v1/cost-cases/" + costCase + "/status-updates", Map.of("meeting", earlier, "text", "Pågår", "givenOn", "2065-03-01"))
                .statusCode(200);
        Map<String, Object> law = newCase("LAW_PARTICIPATION", "Ny kommunelov", List.of("KDD"), earlier);
        law.put("law", Map.of("title", "Lov om kommuner og fylkeskommuner", "kind", "LAW", "eeaOrigin", true));
        law.put("reportedOn", "2065-02");
        String lawCase = report(law);
        Api.as("KDD", Api.KS_READ_WRITE).contentType(ContentType.JSON)
                .body(Map.of("decision", "ACCEPTED", "reasons", "Ja", "decidedOn", "2065-03"))
                .when().post("/api/v1/law-participation/" + lawCase + "/decision").then().statusCode(200);
        post("/api/v1/cases/" + lawCase + "/agenda-items", Map.of("meeting", later)).statusCode(200);
        post("/api/v1/cases/" + lawCase + "/inputs", Map.of("text", "Innspill", "givenOn", "2065-04-01")).statusCode(200);

        List<String> paths = List.of("/api/v1/cases/" + costCase, "/api/v1/cases/" + lawCase,
                "/api/v1/cost-cases/" + costCase, "/api/v1/law-participation/" + lawCase,
                "/api/v1/cases?limit=500", "/api/v1/cost-cases?limit=500", "/api/v1/law-participation?limit=500",
                "/api/v1/meetings/" + later + "/appendices/a", "/api/v1/meetings/" + later + "/appendices/b",
                "/api/v1/meetings/" + later + "/agenda");
        List<String> before = paths.stream().map(CaseReplayTest::answers).toList();

        for (String model : List.of(CaseProjection.PROCESSING_GROUP, CostCaseProjection.PROCESSING_GROUP,
                LawParticipationProjection.PROCESSING_GROUP)) {
            store.wipe(readModels.tables(model));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(0, CaseView.count());
            assertEquals(0, CostCaseView.count());
            assertEquals(0, LawParticipationView.count());
        });
        // Every read model at once, in one pass over the history.
        Rebuilds.rebuildEveryReadModel();

        assertEquals(before, paths.stream().map(CaseReplayTest::answers).toList());
    }
}
