package no.samrad.agreement;

import static no.samrad.support.Api.given;
import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Agreements.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.samrad.agreement.query.AgreementProjection;
import no.samrad.infrastructure.axon.ReadModels;
import no.samrad.support.Rebuilds;
import no.samrad.support.Store;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgreementReplayTest {

    @Inject
    ReadModels readModels;
    @Inject
    Store store;

    private static String answers(String query) {
        return given().when().get(PATH + query).then().statusCode(200).extract().asString();
    }

    @Test
    void wipingTheReadModelAndRebuildingItGivesIdenticalAnswers() {
        String renewed = enter("Avtale om helsefellesskap", List.of("HOD", "KS"), LocalDate.of(2019, 10, 23),
                LocalDate.of(2023, 12, 31));
        post(PATH + "/" + renewed + "/renewals", Map.of("enteredOn", "2023-11-01", "expiresOn", "2027-12-31"))
                .statusCode(200);
        String terminated = enter("Avtale om felles innsats for barnevernet", List.of("BFD", "KS"),
                LocalDate.of(2020, 12, 7), LocalDate.of(2023, 12, 31));
        post(PATH + "/" + terminated + "/termination", Map.of("terminatedOn", "2022-06-30", "reason", "Avløst"))
                .statusCode(200);

        List<String> queries = List.of("?limit=500", "/" + renewed, "/" + terminated, "?expiringIn=2027",
                "?inForceOn=2021-04-20&limit=500", "?party=BFD&limit=500", "?status=TERMINATED&limit=500");
        List<String> before = queries.stream().map(AgreementReplayTest::answers).toList();

        store.wipe(readModels.tables(AgreementProjection.PROCESSING_GROUP));
        assertEquals(0, store.agreements(), "the read model is empty");
        Rebuilds.rebuild(AgreementProjection.PROCESSING_GROUP);

        assertEquals(before, queries.stream().map(AgreementReplayTest::answers).toList());
    }
}
