package no.samrad.meeting;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Agreements.post;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Appendix c: the agreements in force on the meeting's date, as they were then. */
@QuarkusTest
class MeetingAppendixTest {

    private static final String MEETINGS = "/api/v1/meetings";

    @Test
    void listsTheTermsInForceOnTheMeetingsDateAsJsonAndCsv() {
        String meeting = MeetingResourceTest.schedule(Map.of("kind", "SECOND_CONSULTATION", "date", "2065-04"));
        String inForce = enter("=Avtale; med «sitat»", List.of("HOD", "KS"), LocalDate.of(2064, 1, 1),
                LocalDate.of(2066, 12, 31));
        String renewedLater = enter("Avtale fornyet etter møtet", List.of("KD", "KS"), LocalDate.of(2063, 1, 1),
                LocalDate.of(2065, 6, 30));
        post(PATH + "/" + renewedLater + "/renewals", Map.of("enteredOn", "2065-05-02", "expiresOn", "2069-12-31",
                "parties", List.of("KD", "KDD", "KS"))).statusCode(200);
        String expiredBefore = enter("Avtale utløpt før møtet", List.of("HOD", "KS"), LocalDate.of(2060, 1, 1),
                LocalDate.of(2064, 12, 31));
        String terminatedBefore = enter("Avtale sagt opp før møtet", List.of("HOD", "KS"), LocalDate.of(2064, 1, 1),
                LocalDate.of(2068, 12, 31));
        post(PATH + "/" + terminatedBefore + "/termination", Map.of("terminatedOn", "2065-03-31",
                "reason", "Avløst")).statusCode(200);

        given().when().get(MEETINGS + "/" + meeting + "/appendices/c").then()
                .statusCode(200)
                .body("inForceOn", equalTo("2065-04-30"))
                .body("meeting", equalTo("2. konsultasjonsmøte 2065"))
                .body("rows.findAll { it.enteredOn.startsWith('206') }.agreementId", contains(renewedLater, inForce))
                .body("rows.find { it.agreementId == '" + renewedLater + "' }.expiresOn", equalTo("2065-06-30"))
                .body("rows.find { it.agreementId == '" + renewedLater + "' }.parties", contains("KD", "KS"))
                .body("rows.agreementId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(expiredBefore)))
                .body("rows.agreementId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(terminatedBefore)));

        String csv = given().accept("text/csv").when().get(MEETINGS + "/" + meeting + "/appendices/c").then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("vedlegg-c-2065-04.csv"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.startsWith("\uFEFFAvtale;Kategori;Parter;Inngått;Utløper;"
                + "Første avtale inngått\r\n"), csv);
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains("\"'=Avtale; med «sitat»\";WELFARE_SERVICES;HOD, KS;"
                + "2064-01-01;2066-12-31;2064\r\n"), csv);
    }

    @Test
    void anUnknownMeetingIs404AndXmlIs406() {
        given().when().get(MEETINGS + "/" + UUID.randomUUID() + "/appendices/c").then()
                .statusCode(404).contentType("application/problem+json");
        given().accept("application/xml").when().get(MEETINGS + "/" + UUID.randomUUID() + "/appendices/c").then()
                .statusCode(406).contentType("application/problem+json");
    }
}
