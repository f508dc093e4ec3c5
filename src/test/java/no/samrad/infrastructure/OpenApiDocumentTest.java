package no.samrad.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.samrad.support.Api;
import no.samrad.support.Cases;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document as a client generator reads it: its schema names become class names, its
 * servers the client's base address, and its examples what a reader copies into a request.
 */
@QuarkusTest
class OpenApiDocumentTest {

    /** Exact decimals: read as doubles, 125000000.50 and 1.250000005E8 would look the same. */
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private static final String SCHEMAS = "#/components/schemas/";

    /** Names a generator would turn into classes that say nothing of what they hold. */
    private static final Set<String> ROLE_ONLY = Set.of("Detail", "Summary", "Row", "Term", "Estimate", "Entry",
            "Input", "Milestone", "StatusUpdate", "AgendaItem", "Result", "Progress", "Mismatch", "Settings",
            "Page", "Law", "Proposal", "Correction", "Decision", "Assessment", "Completion", "Cancellation",
            "Discussion", "Conclusion", "Withdrawal", "Expiring", "Oidc");

    @TestHTTPResource("/q/openapi")
    URI documentAddress;

    private static String documentText() {
        return Api.anonymous().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().asString();
    }

    private static JsonNode document() throws IOException {
        return EXACT.readTree(documentText());
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.startsWith(SCHEMAS) ? document.path("components").path("schemas").path(ref.substring(SCHEMAS.length()))
                : schema;
    }

    private static String refName(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        assertTrue(ref.startsWith(SCHEMAS), "a reference to a named schema, not " + schema);
        return ref.substring(SCHEMAS.length());
    }

    @Test
    void everySchemaIsNamedForWhatItHolds() throws IOException {
        JsonNode schemas = document().path("components").path("schemas");
        List<String> names = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(names::add);
        assertFalse(names.isEmpty());
        assertEquals(List.of(), names.stream().filter(name -> name.matches(".*\\d$")).toList(),
                "schemas numbered to tell apart records of the same simple name");
        assertEquals(List.of(), names.stream().filter(ROLE_ONLY::contains).toList(),
                "schemas named for their role alone");
    }

    @Test
    void everyListAnswersAPageNamedForItsItems() throws IOException {
        JsonNode document = document();
        Map<String, String> itemsOfList = new LinkedHashMap<>();
        itemsOfList.put("/api/v1/agreements", "AgreementSummary");
        itemsOfList.put("/api/v1/meetings", "MeetingDetail");
        itemsOfList.put("/api/v1/cases", "CaseSummary");
        itemsOfList.put("/api/v1/cost-cases", "CostCaseSummary");
        itemsOfList.put("/api/v1/law-participation", "LawParticipationDetail");
        itemsOfList.forEach((path, items) -> {
            JsonNode answer = document.path("paths").path(path).path("get").path("responses").path("200")
                    .path("content").path("application/json").path("schema");
            assertEquals(items + "Page", refName(answer), path);
            JsonNode page = resolve(document, answer);
            assertEquals(items, refName(page.path("properties").path("items").path("items")), path);
        });
    }

    /**
     * Commands answer with the committed record, never 202: a generated client would otherwise
     * carry a branch for an answer no command gives. Only a rebuild (of one read model, or of
     * every one) answers before it is done.
     */
    @Test
    void onlyARebuildPromisesAnAnswerBeforeItIsDone() throws IOException {
        JsonNode paths = document().path("paths");
        List<String> accepted = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (operation.getValue().path("responses").has("202")) {
                accepted.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        accepted.sort(null);
        assertEquals(List.of("POST /api/v1/admin/projections/rebuild", "POST /api/v1/admin/projections/{name}/rebuild"),
                accepted);
    }

    @Test
    void theServerItNamesIsTheOneThatServesIt() throws IOException {
        JsonNode servers = document().path("servers");
        assertTrue(servers.isArray() && !servers.isEmpty(), "servers: " + servers);
        String url = servers.get(0).path("url").asText();
        assertFalse(url.isBlank(), "servers[0].url");
        // A generated client puts the server before each path; the public key needs no token.
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        URI publicKey = documentAddress.resolve(base + "/api/v1/audit/public-key");
        Api.anonymous().when().get(publicKey).then().statusCode(200);
    }

    @Test
    void decimalExamplesAreWrittenAsTheApiWritesThem() throws IOException {
        String text = documentText();
        List<String> exponents = new ArrayList<>();
        try (JsonParser parser = EXACT.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT && parser.getText().matches(".*[eE].*")) {
                    exponents.add(parser.currentName() + ": " + parser.getText());
                }
            }
        }
        assertEquals(List.of(), exponents, "numbers in exponent form");

        JsonNode document = EXACT.readTree(text);
        List<JsonNode> amountExamples = new ArrayList<>();
        document.path("components").path("schemas").forEach(schema ->
                schema.path("properties").path("amountNok").path("examples").forEach(amountExamples::add));
        JsonNode estimate = resolve(document, document.path("paths").path("/api/v1/cost-cases/{id}/estimates")
                .path("post").path("requestBody").path("content").path("application/json").path("schema"));
        JsonNode requestExample = estimate.path("properties").path("amountNok").path("examples").path(0);
        assertTrue(requestExample.isNumber(), "the estimate's amountNok example is a number: " + requestExample);
        assertTrue(amountExamples.size() >= 3, "the request, the cost case's and the dashboard's estimate: "
                + amountExamples);

        String meeting = Cases.meeting("2073-04");
        Map<String, Object> report = Cases.newCase("COST_CALCULATION", "Kostnad med eksempelbeløp", List.of("KD"),
                meeting);
        report.put("reform", "Eksempelreformen");
        String id = Cases.report(report);
        ObjectNode body = EXACT.createObjectNode().put("periodFrom", 2022).put("basis", "Eksempel")
                .put("method", "Eksempel");
        body.set("amountNok", requestExample);
        String answer = Api.given().contentType(ContentType.JSON).body(EXACT.writeValueAsString(body))
                .when().post("/api/v1/cost-cases/" + id + "/estimates").then().statusCode(200)
                .extract().asString();
        String written = EXACT.readTree(answer).path("latestEstimate").path("amountNok").decimalValue().toString();

        for (JsonNode example : amountExamples) {
            assertEquals(written, example.decimalValue().toString(),
                    "an amountNok example, as the API writes the request's example back");
        }
    }
}
