package no.samrad.security;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import no.samrad.support.Cases;
import no.samrad.support.Store;
import no.samrad.support.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a request body may be and what its texts may hold: JSON in UTF-8, each key once, texts of
 * visible characters in NFC. Every refusal is a problem document and leaves the store as it was.
 */
@QuarkusTest
class StrictInputTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String VALID = "{\"title\": \"%s\", \"category\": \"WELFARE_SERVICES\", \"parties\": [\"KD\","
            + " \"KS\"], \"enteredOn\": \"2021-01-01\", \"expiresOn\": \"2024-01-01\"}";

    @TestHTTPResource("/")
    URI base;

    @Inject
    Store store;

    @Test
    void aKeyGivenTwiceIsRefusedAlsoInOneFieldBodies() {
        String agreement = enter("Avtale med dobbel nøkkel", List.of("KD", "KS"), LocalDate.of(2021, 1, 1),
                LocalDate.of(2031, 1, 1));
        String meeting = Cases.meeting("2032-04");
        String other = Cases.meeting("2032-05");
        String sectorCase = Cases.report(Cases.newCase("SECTOR_MATTER", "Sak med dobbel nøkkel", List.of("KD"),
                meeting));
        Store.Snapshot before = store.snapshot();
        refusedAs400(PATH + "/" + agreement + "/renegotiations",
                "{\"startedOn\":\"2030-01-01\",\"startedOn\":\"2026-11-01\"}", "startedOn");
        refusedAs400(Cases.PATH + "/" + sectorCase + "/agenda-items",
                "{\"meeting\":\"" + meeting + "\",\"meeting\":\"" + other + "\"}", "meeting");
        refusedAs400("/api/v1/meetings/" + meeting + "/completion",
                "{\"heldOn\":\"2032-04-01\",\"heldOn\":\"2032-04-02\"}", "heldOn");
        refusedAs400(PATH, String.format(VALID, "Første").replace("\"category\"",
                "\"title\": \"Andre\", \"category\""), "title");
        assertEquals(before, store.snapshot());
    }

    private void refusedAs400(String path, String body, String field) {
        given().contentType(ContentType.JSON).body(body).when().post(path).then()
                .statusCode(400).contentType(PROBLEM).body("code", equalTo("MALFORMED_JSON"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void aBodyWithoutContentTypeIs415() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve(PATH.substring(1)))
                .POST(HttpRequest.BodyPublishers.ofString(String.format(VALID, "Uten type"))));
        assertRefused(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=ISO-8859-1", "application/json;charset=utf-16",
            "application/json; charset=windows-1252", "text/plain", "application/x-www-form-urlencoded"})
    void aBodyOfAnotherTypeOrCharsetIs415(String contentType) throws Exception {
        long before = store.events();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve(PATH.substring(1)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(String.format(VALID, "Annen type"))));
        assertRefused(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertEquals(before, store.events());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "deflate", "br", "x-unknown"})
    void aContentEncodingSamradDoesNotDecodeIs415(String encoding) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve(PATH.substring(1)))
                .header("Content-Type", "application/json").header("Content-Encoding", encoding)
                .POST(HttpRequest.BodyPublishers.ofString(String.format(VALID, "Pakket"))));
        assertRefused(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        byte[] large = String.format(VALID, "x".repeat(1_500_000)).getBytes(StandardCharsets.UTF_8);
        long before = store.events();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve(PATH.substring(1)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large))));
        assertRefused(answer, 413, "PAYLOAD_TOO_LARGE");
        assertEquals(before, store.events());
    }

    @Test
    void utf8WithAnExplicitCharsetIsAccepted() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve(PATH.substring(1)))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(String.format(VALID, "Avtale i UTF-8"))));
        assertEquals(201, answer.statusCode(), answer.body());
    }

    /** Overlong "/", a code point above U+10FFFF, an encoded surrogate, a lone continuation byte, an F5 lead. */
    @ParameterizedTest
    @ValueSource(strings = {"c0af", "f4908080", "eda080", "80", "f5808080", "e282"})
    void malformedUtf8Is400AndNeverStoredAsAReplacement(String bytes) throws Exception {
        long before = store.events();
        byte[] body = withRawTitle(HexFormat.of().parseHex(bytes));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve(PATH.substring(1)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertRefused(answer, 400, "MALFORMED_JSON");
        assertEquals(before, store.events());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "\\udc00", "a\\ud800b", "\\udc00\\ud800"})
    void aLoneSurrogateEscapeIs400(String escape) {
        long before = store.events();
        given().contentType(ContentType.JSON).body(String.format(VALID, "Avtale " + escape)).when().post(PATH)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("title"));
        assertEquals(before, store.events());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0085", "\u202A", "\u202E", "\u2066", "\u2069", "\u200B", "\u200D", "\u2060",
            "\uFEFF", "\u2028", "\u2029", "\u00AD", "\u0009", "\u001B"})
    void aTitleRefusesEveryControlAndFormatCharacter(String character) {
        long before = store.events();
        given().contentType(ContentType.JSON).body(Map.of("title", "Avtale" + character + "x",
                        "category", "WELFARE_SERVICES", "parties", List.of("KD", "KS"), "enteredOn", "2021-01-01",
                        "expiresOn", "2024-01-01"))
                .when().post(PATH).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("title"));
        assertEquals(before, store.events());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00A0", "\u00A0\u00A0 \u2007", "\u3000", " \u202F "})
    void aTitleOfSpacesOfAnyKindIsBlank(String spaces) {
        given().contentType(ContentType.JSON).body(Map.of("title", spaces, "category", "WELFARE_SERVICES",
                        "parties", List.of("KD", "KS"), "enteredOn", "2021-01-01", "expiresOn", "2024-01-01"))
                .when().post(PATH).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("title"));
    }

    @Test
    void freeTextKeepsLineBreaksAndRefusesTheRest() {
        String id = enter("Avtale som avsluttes", List.of("KD", "KS"), LocalDate.of(2021, 1, 1),
                LocalDate.of(2031, 1, 1));
        for (String refused : List.of("Grunn\u202Eskjult", "Grunn\u200B", "Grunn\u0000", "Grunn\u2028ny linje")) {
            given().contentType(ContentType.JSON).body(Map.of("terminatedOn", "2022-06-30", "reason", refused))
                    .when().post(PATH + "/" + id + "/termination").then()
                    .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("reason"));
        }
        given().contentType(ContentType.JSON).body(Map.of("terminatedOn", "2022-06-30",
                        "reason", "Første linje\r\nAndre linje\nTredje"))
                .when().post(PATH + "/" + id + "/termination").then()
                .statusCode(200).body("endReason", equalTo("Første linje\r\nAndre linje\nTredje"));
    }

    @Test
    void textIsStoredInNfcSoComposedAndDecomposedAreOneTitleAndSearchFindsBoth() {
        String decomposed = "Sa\u030Amarbeid om o\u0308konomi og a\u030Arsrapport";
        String composed = "S\u00E5marbeid om \u00F6konomi og \u00E5rsrapport";
        String meeting = Cases.meeting("2033-04");
        String id = Cases.report(Cases.newCase("SECTOR_MATTER", decomposed, List.of("KD"), meeting));
        given().when().get(Cases.PATH + "/" + id).then().body("title", equalTo(composed));
        for (String query : List.of("s\u00E5marbeid", "sa\u030Amarbeid", "\u00C5RSRAPPORT", "A\u030ARSRAPPORT")) {
            given().queryParam("q", query).queryParam("meeting", meeting).when().get(Cases.PATH).then()
                    .statusCode(200).body("items.id", hasItem(id));
        }
    }

    @Test
    void everyOffendingFieldIsListedUnderItsApiName() {
        long before = store.events();
        given().contentType(ContentType.JSON).body("{\"title\": 123, \"category\": \"NOPE\", \"parties\": \"KD\","
                        + " \"enteredOn\": \"2021-02-30\", \"expiresOn\": \"2024-01-01\", \"colour\": \"blue\"}")
                .when().post(PATH).then()
                .statusCode(400).contentType(PROBLEM).body("code", equalTo("INVALID_REQUEST"))
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("category", "colour", "enteredOn",
                        "parties", "title"));
        // Values of the right type that break a rule are listed beside those of the wrong type.
        given().contentType(ContentType.JSON).body("{\"title\": \"\u00A0\", \"category\": 7, \"parties\": [],"
                        + " \"enteredOn\": \"2021-01-01\"}")
                .when().post(PATH).then()
                .statusCode(400).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("category", "expiresOn", "parties",
                        "title"));
        assertEquals(before, store.events());
        Map<String, Object> cost = Cases.newCase("COST_CALCULATION", "Sak som avsluttes feil", List.of("KD"),
                Cases.meeting("2034-04"));
        cost.put("reform", "Reform");
        String id = Cases.report(cost);
        long reported = store.events();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Oslo")).toString();
        given().contentType(ContentType.JSON).body(Map.of("concludedOn", today, "outcome", "Ferdig"))
                .when().post(Cases.PATH + "/" + id + "/conclusion").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("finalEstimate"));
        assertEquals(reported, store.events());
    }

    private static byte[] withRawTitle(byte[] raw) {
        byte[] before = "{\"title\": \"Avtale ".getBytes(StandardCharsets.UTF_8);
        byte[] after = String.format(VALID, "").substring("{\"title\": \"".length()).getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[before.length + raw.length + after.length];
        System.arraycopy(before, 0, body, 0, before.length);
        System.arraycopy(raw, 0, body, before.length, raw.length);
        System.arraycopy(after, 0, body, before.length + raw.length, after.length);
        return body;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.header("Authorization", "Bearer " + Tokens.token("KS",
                "samrad:read samrad:write")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String code) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(PROBLEM, answer.headers().firstValue("Content-Type").orElse(""));
        assertTrue(answer.body().contains("\"code\":\"" + code + "\""), answer.body());
        assertTrue(answer.headers().firstValue("X-Correlation-Id").isPresent());
    }
}
