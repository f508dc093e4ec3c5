package no.samrad.infrastructure;

import static no.samrad.support.Agreements.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import no.samrad.support.Agreements;
import no.samrad.support.Api;
import no.samrad.support.Cases;
import org.junit.jupiter.api.Test;

/** Lists leave absent values out, as the records do: a client sees a key only where there is a value. */
@QuarkusTest
class ListAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An event's payload and metadata are shown as they were stored, nulls included (docs/events.md). */
    private static final Set<String> AS_STORED = Set.of("payload", "metadata");

    private static JsonNode read(String path) throws IOException {
        String body = Api.given().when().get(path).then().statusCode(200).extract().asString();
        return JSON.readTree(body);
    }

    private static void nulls(JsonNode node, String at, List<String> found) {
        if (node.isNull()) {
            found.add(at);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (!AS_STORED.contains(field.getKey())) {
                    nulls(field.getValue(), at + "." + field.getKey(), found);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                nulls(node.get(i), at + "[" + i + "]", found);
            }
        }
    }

    private static List<String> nulls(JsonNode answer) {
        List<String> found = new ArrayList<>();
        nulls(answer, "", found);
        return found;
    }

    private static String proposal(String title) {
        return post("/api/v1/agreements/proposals", Map.of("title", title, "parties", List.of("KS"),
                "proposedOn", "2024-03-01")).statusCode(201).extract().path("id");
    }

    @Test
    void aProposalInTheListCarriesNoCategoryAndTheLastPageNoNext() throws IOException {
        String id = proposal("Forslag uten kategori i listen");
        JsonNode page = read("/api/v1/agreements?status=PROPOSED&limit=500");
        JsonNode item = StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(candidate -> id.equals(candidate.path("id").asText())).findFirst().orElseThrow();
        assertEquals("PROPOSED", item.path("status").asText());
        assertFalse(item.has("category"), item.toString());
        assertFalse(item.has("enteredOn"), item.toString());
        assertTrue(page.path("total").asLong() <= 500, "one page holds them all");
        assertFalse(page.has("next"), "the last page has no next: " + page.path("next"));
        assertEquals(List.of(), nulls(page));
    }

    @Test
    void aRecordsTermsLeaveAbsentValuesOutToo() throws IOException {
        String id = Agreements.enter("Avtale med løpende periode", List.of("HOD", "KS"), LocalDate.of(2024, 1, 1),
                LocalDate.of(2027, 1, 1));
        JsonNode record = read("/api/v1/agreements/" + id);
        assertFalse(record.path("terms").path(0).has("endedOn"), "a running term has not ended: " + record);
        assertEquals(List.of(), nulls(record));
    }

    @Test
    void noListAnswersWithANull() throws IOException {
        proposal("Forslag uten kategori, parter eller datoer");
        String meeting = Cases.meeting("2074-04");
        Map<String, Object> law = Cases.newCase("LAW_PARTICIPATION", "Lov uten kjent lovtype", List.of("KD"),
                meeting);
        law.put("law", Map.of("title", "Loven uten lovtype"));
        String lawCase = Cases.report(law);
        Map<String, Object> cost = Cases.newCase("COST_CALCULATION", "Kostnad uten overslag", List.of("KD"),
                meeting);
        cost.put("reform", "Reformen uten overslag");
        Cases.report(cost);
        Cases.report(Cases.newCase("CROSS_SECTOR_THEME", "Tema uten departement", List.of(), meeting));

        for (String path : List.of("/api/v1/agreements?limit=500", "/api/v1/agreements?status=PROPOSED&limit=500",
                "/api/v1/meetings?limit=500", "/api/v1/cases?limit=500", "/api/v1/cost-cases?limit=500",
                "/api/v1/law-participation?limit=500", "/api/v1/parties", "/api/v1/parties?validOn=2018-08-29",
                "/api/v1/events?limit=1000", "/api/v1/cases/" + lawCase + "/history",
                "/api/v1/meetings/" + meeting + "/agenda", "/api/v1/meetings/" + meeting + "/appendices/a",
                "/api/v1/meetings/" + meeting + "/appendices/b", "/api/v1/meetings/" + meeting + "/appendices/c")) {
            assertEquals(List.of(), nulls(read(path)), path);
        }
    }
}
