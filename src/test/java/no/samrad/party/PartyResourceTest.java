package no.samrad.party;

import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartyResourceTest {

    private static final String PATH = "/api/v1/parties";

    @Test
    void listsTheRegisterWithRenamingsAndSuccessors() {
        given().when().get(PATH).then()
                .statusCode(200)
                .body("code", hasItems("KS", "KD", "HOD", "KRD", "KMD", "KDD", "DFD", "BLD", "BFD", "JD", "ASD",
                        "AID", "KUD", "KLD", "OED", "ED", "FIN"))
                .body("find { it.code == 'KMD' }.successor", equalTo("KDD"))
                .body("find { it.code == 'KMD' }.validTo", equalTo("2021-12-31"))
                .body("find { it.code == 'KS' }.kind", equalTo("MUNICIPAL_SECTOR"))
                .body("find { it.code == 'KS' }.orgNo", equalTo("971032146"));
    }

    @Test
    void filtersByTheDayTheyWereValid() {
        given().queryParam("validOn", "2018-08-29").when().get(PATH).then()
                .statusCode(200)
                .body("code", hasItems("BLD", "KMD", "ASD", "JD"))
                .body("code", not(hasItem("BFD")))
                .body("code", not(hasItem("KDD")));
    }

    @Test
    void showsOneWithItsFormerNames() {
        given().when().get(PATH + "/JD").then()
                .statusCode(200)
                .body("name", equalTo("Justis- og beredskapsdepartementet"))
                .body("formerNames[0].name", equalTo("Justis- og politidepartementet"));
    }

    @Test
    void answersProblemsForUnknownCodesAndBadDates() {
        given().when().get(PATH + "/XYZ").then()
                .statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        given().queryParam("validOn", "29.08.2018").when().get(PATH).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("validOn"));
    }
}
