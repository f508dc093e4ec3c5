package no.samrad.agreement;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Agreements.post;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agreement, and the agreement list, as they stood at an instant of recorded time. */
@QuarkusTest
class AgreementTimeTravelTest {

    @Test
    void asOfBeforeARenewalGivesTheOldExpiryAndAfterItTheNew() {
        String id = enter("Avtale som reiser i tid", List.of("KD", "KS"), LocalDate.of(2024, 1, 1),
                LocalDate.of(2077, 12, 31));
        post(PATH + "/" + id + "/renewals", Map.of("enteredOn", "2077-12-01", "expiresOn", "2080-12-31"))
                .statusCode(200);
        List<String> recorded = given().when().get(PATH + "/" + id + "/history").then().extract().path("recordedAt");
        Instant entered = Instant.parse(recorded.get(0));
        Instant renewed = Instant.parse(recorded.get(1));

        given().queryParam("asOf", entered.toString()).when().get(PATH + "/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("expiresOn", equalTo("2077-12-31"))
                .body("terms.size()", equalTo(1));
        given().queryParam("asOf", renewed.toString()).when().get(PATH + "/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("expiresOn", equalTo("2080-12-31"))
                .body("terms.size()", equalTo(2));
        given().queryParam("asOf", entered.minusMillis(1).toString()).when().get(PATH + "/" + id).then()
                .statusCode(404);

        given().queryParam("asOf", entered.toString()).queryParam("expiringIn", 2077).queryParam("limit", 500)
                .when().get(PATH).then().statusCode(200).body("items.id", hasItem(id));
        given().queryParam("asOf", renewed.toString()).queryParam("expiringIn", 2077).queryParam("limit", 500)
                .when().get(PATH).then().body("items.id", not(hasItem(id)));
        given().queryParam("asOf", renewed.toString()).queryParam("expiringIn", 2080).queryParam("limit", 500)
                .when().get(PATH).then().body("items.id", hasItem(id));
    }

    /** "The agreement was in fact entered on another date": recorded now, effective then. */
    @Test
    void aCorrectionIsAFactOfItsOwnWithItsRecordedAndEffectiveTime() {
        String id = enter("Avtale med feil dato", List.of("HOD", "KS"), LocalDate.of(2024, 1, 1),
                LocalDate.of(2078, 12, 31));
        post(PATH + "/" + id + "/corrections", Map.of("enteredOn", "2023-11-15",
                "reason", "Avtalen ble undertegnet 15. november 2023")).statusCode(200)
                .body("enteredOn", equalTo("2023-11-15"))
                .body("terms[0].enteredOn", equalTo("2023-11-15"))
                .body("expiresOn", equalTo("2078-12-31"));
        List<String> recorded = given().when().get(PATH + "/" + id + "/history").then()
                .body("type", org.hamcrest.Matchers.contains("AgreementEntered", "AgreementTermCorrected"))
                .body("[1].effectiveOn", equalTo("2023-11-15"))
                .extract().path("recordedAt");
        given().queryParam("asOf", recorded.get(0)).when().get(PATH + "/" + id).then()
                .body("enteredOn", equalTo("2024-01-01"));
        given().queryParam("inForceOn", "2023-12-01").queryParam("limit", 500).when().get(PATH).then()
                .body("items.id", hasItem(id));
        given().queryParam("inForceOn", "2023-12-01").queryParam("asOf", recorded.get(0)).queryParam("limit", 500)
                .when().get(PATH).then().body("items.id", not(hasItem(id)));
        given().when().get(PATH + "/" + id + "/changes").then()
                .body("[1].changes.find { it.field == 'enteredOn' }.oldValue", equalTo("2024-01-01"))
                .body("[1].changes.find { it.field == 'enteredOn' }.newValue", equalTo("2023-11-15"));
        post(PATH + "/" + id + "/corrections", Map.of("reason", "Uten dato")).statusCode(400)
                .body("code", equalTo("AGREEMENT_FIELD_REQUIRED"));
    }

    @Test
    void anInstantMustCarryItsOffset() {
        given().queryParam("asOf", "2026-01-31").when().get(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        given().queryParam("asOf", "2026-01-31T12:00:00").when().get(PATH).then().statusCode(400);
    }
}
