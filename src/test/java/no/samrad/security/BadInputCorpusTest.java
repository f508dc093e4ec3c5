package no.samrad.security;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.samrad.support.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests that must all be refused with a 4xx problem document, each leaving the event store as
 * it was. {@code RECORD} in a path stands for an existing active agreement between KD and KS.
 */
@QuarkusTest
class BadInputCorpusTest {

    private static final String RECORD = "{record}";
    private static final String VALID = """
            {"title": "Avtale om kvalitetsutvikling i barnehagen", "category": "WELFARE_SERVICES",
             "parties": ["KD", "KS"], "enteredOn": "2021-01-01", "expiresOn": "2024-01-01", "firstEnteredYear": 2009}""";
    private static final List<String> INJECTIONS = List.of("' OR 1=1 --", "KS'; DROP TABLE party; --",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "../../etc/passwd", "%00",
            "{{7*7}}", "\\u0000KS");
    private static final List<String> IMPOSSIBLE_DATES = List.of("2021-02-30", "2021-13-01", "2021-00-10",
            "0000-00-00", "2021-1-1", "21-01-01", "2021/01/01", "01.01.2021", "2021-01-01T00:00:00Z", "",
            " 2021-01-01", "+99999-01-01");

    private static String recordId;

    @Inject
    Store store;

    record Case(String name, String method, String path, String contentType, String body, Map<String, String> headers) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static Case post(String name, String path, String body) {
        return new Case(name, "POST", path, "application/json", body, Map.of());
    }

    private static Case get(String name, String path) {
        return new Case(name, "GET", path, null, null, Map.of());
    }

    private static String withField(String field, String jsonValue) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "\"Avtale om kvalitetsutvikling\"");
        fields.put("category", "\"WELFARE_SERVICES\"");
        fields.put("parties", "[\"KD\", \"KS\"]");
        fields.put("enteredOn", "\"2021-01-01\"");
        fields.put("expiresOn", "\"2024-01-01\"");
        fields.put("firstEnteredYear", "2009");
        if (jsonValue == null) {
            fields.remove(field);
        } else {
            fields.put(field, jsonValue);
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((key, value) -> json.append(json.length() > 1 ? ", " : "").append('"').append(key)
                .append("\": ").append(value));
        return json.append('}').toString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        for (int cut : new int[] {1, 2, 10, 20, 35, 50, 80, 100, 120, 150, 180, VALID.length() - 1}) {
            cases.add(post("truncated at " + cut, PATH, VALID.substring(0, cut)));
        }
        for (String garbage : List.of("{", "}", "[", "nul", "{'title': 'x'}", "{\"title\": \"x\",}", "NaN",
                "/* comment */ {}", "{title: \"x\"}", "\"just a string\"", "123", "true", "null", "[]", "[{}]",
                "\uFEFF{}", "{\"title\": \"x\"}{\"title\": \"y\"}", "{\"title\": \"a\u0001b\"}",
                "{\"title\": \"line\nbreak\"}", "{\"title\": \"\u007F\"}")) {
            cases.add(post("malformed: " + garbage.replaceAll("\\p{Cntrl}", "?"), PATH, garbage));
        }
        Map<String, List<String>> wrongTypes = Map.of(
                "title", List.of("123", "true", "[]", "{}", "null", "\"\"", "\"   \""),
                "category", List.of("123", "true", "[]", "{}", "null", "\"\"", "\"welfare_services\"",
                        "\" WELFARE_SERVICES\"", "\"ADMIN\"", "\"WELFARE_SERVICES\\u0000\""),
                "parties", List.of("\"KD KS\"", "123", "{}", "null", "[]", "[null]", "[\"\"]", "[1, 2]",
                        "[[\"KD\"]]", "[\"KD\", \"KS\", \"KD\"]", "[\"KS\"]", "[\"KD\", \"HOD\"]"),
                "enteredOn", List.of("123", "true", "[]", "{}", "null", "20210101"),
                "expiresOn", List.of("123", "true", "[]", "null", "\"2020-12-31\"", "\"2021-01-01\""),
                "firstEnteredYear", List.of("\"early\"", "true", "[]", "1.5", "2022", "18", "99999999999"));
        wrongTypes.forEach((field, values) -> values.forEach(value ->
                cases.add(post(field + " = " + value, PATH, withField(field, value)))));
        for (String field : List.of("title", "category", "parties", "enteredOn", "expiresOn")) {
            cases.add(post("missing " + field, PATH, withField(field, null)));
        }
        for (String unknown : List.of("colour", "__proto__", "constructor", "id", "status", "version")) {
            cases.add(post("unknown field " + unknown, PATH, withField(unknown, "\"x\"")));
        }
        for (String control : List.of("\\u0000", "\\u0007", "\\u001b[31m", "\\n", "\\r", "\\t", "\\u007f")) {
            cases.add(post("control character " + control + " in title", PATH,
                    withField("title", "\"Avtale" + control + "\"")));
        }
        cases.add(post("title of 1001 characters", PATH, withField("title", quoted("Æ".repeat(1001)))));
        cases.add(post("title of 100 000 characters", PATH, withField("title", quoted("ø".repeat(100_000)))));
        cases.add(post("party code of 17 characters", PATH, withField("parties", "[\"KD\", \"KSKSKSKSKSKSKSKSK\"]")));
        cases.add(post("party code of 10 000 characters", PATH, withField("parties", "[" + quoted("K".repeat(10_000))
                + "]")));
        cases.add(post("21 parties", PATH, withField("parties", "[" + "\"KD\", ".repeat(20) + "\"KS\"]")));
        for (String date : IMPOSSIBLE_DATES) {
            cases.add(post("enteredOn " + date, PATH, withField("enteredOn", quoted(date))));
            cases.add(post("expiresOn " + date, PATH, withField("expiresOn", quoted(date))));
        }
        for (String injection : INJECTIONS) {
            cases.add(post("party " + injection, PATH, withField("parties", "[" + quoted(injection) + ", \"KS\"]")));
            cases.add(post("category " + injection, PATH, withField("category", quoted(injection))));
            cases.add(post("date " + injection, PATH, withField("enteredOn", quoted(injection))));
            cases.add(get("list party " + injection, PATH + "?party=" + encode(injection)));
            cases.add(get("record id " + injection, PATH + "/" + encode(injection)));
        }
        cases.add(post("KMD after its renaming", PATH, withField("enteredOn", "\"2022-06-01\"")
                .replace("\"KD\"", "\"KMD\"")));
        cases.add(post("BFD before it existed", PATH, withField("enteredOn", "\"2018-06-01\"")
                .replace("\"KD\"", "\"BFD\"")));

        String record = PATH + "/" + RECORD;
        for (String body : List.of("{", "[]", "{}", "{\"enteredOn\": \"2023-01-01\"}",
                "{\"enteredOn\": \"2023-01-01\", \"expiresOn\": \"30.12.2027\"}",
                "{\"enteredOn\": \"2023-01-01\", \"expiresOn\": \"2027-12-31\", \"parties\": []}",
                "{\"enteredOn\": \"2023-01-01\", \"expiresOn\": \"2027-12-31\", \"parties\": \"KD\"}",
                "{\"enteredOn\": \"2023-01-01\", \"expiresOn\": \"2027-12-31\", \"why\": \"x\"}",
                "{\"enteredOn\": \"2020-12-31\", \"expiresOn\": \"2027-12-31\"}",
                "{\"enteredOn\": \"2023-01-01\", \"expiresOn\": \"2023-06-30\"}",
                "{\"enteredOn\": \"2023-01-01\", \"expiresOn\": \"2027-12-31\", \"parties\": [\"KS\"]}")) {
            cases.add(post("renewal " + body, record + "/renewals", body));
        }
        for (String body : List.of("{}", "{\"terminatedOn\": \"2022-01-01\"}",
                "{\"terminatedOn\": \"2022-01-01\", \"reason\": \"\"}",
                "{\"terminatedOn\": \"2022-01-01\", \"reason\": \"a\\u0000b\"}",
                "{\"terminatedOn\": \"2022-01-01\", \"reason\": " + quoted("r".repeat(4001)) + "}",
                "{\"terminatedOn\": \"2019-01-01\", \"reason\": \"før avtalen\"}",
                "{\"terminatedOn\": \"2024-01-01\", \"reason\": \"på utløpsdagen\"}",
                "{\"terminatedOn\": 20220101, \"reason\": \"x\"}")) {
            cases.add(post("termination " + body.substring(0, Math.min(60, body.length())), record + "/termination",
                    body));
        }
        for (String body : List.of("{}", "{\"startedOn\": \"2025-01-01\"}", "{\"startedOn\": \"1.1.2022\"}",
                "{\"startedOn\": null}", "{\"startedOn\": \"2022-01-01\", \"by\": \"KS\"}")) {
            cases.add(post("renegotiation " + body, record + "/renegotiations", body));
        }
        for (String body : List.of("{}", "{\"supersededBy\": \"not-a-uuid\", \"supersededOn\": \"2023-01-01\"}",
                "{\"supersededBy\": \"' OR 1=1 --\", \"supersededOn\": \"2023-01-01\"}",
                "{\"supersededBy\": \"00000000-0000-0000-0000-000000000000\", \"supersededOn\": \"2023-01-01\"}",
                "{\"supersededBy\": \"" + RECORD + "\", \"supersededOn\": \"2023-01-01\"}")) {
            cases.add(post("supersession " + body, record + "/supersession", body));
        }
        cases.add(post("entry of an active agreement", record + "/entry",
                "{\"enteredOn\": \"2023-01-01\", \"expiresOn\": \"2027-12-31\"}"));
        for (String body : List.of("{}", "{\"title\": \"Forslag\", \"parties\": [\"KD\"], \"proposedOn\": \"2024-01-01\"}",
                "{\"title\": \"Forslag\", \"parties\": [\"KS\"], \"proposedOn\": \"2024-01-01\", \"proposedBy\": \"KD\"}",
                "{\"title\": \"Forslag\", \"parties\": [\"KS\"], \"proposedOn\": \"2024-13-01\"}")) {
            cases.add(post("proposal " + body, PATH + "/proposals", body));
        }
        for (String query : List.of("expiringIn=next", "expiringIn=20211", "expiringIn=-2021", "expiringWithinDays=-1",
                "expiringWithinDays=99999", "expiringWithinDays=ten", "inForceOn=20.04.2021", "inForceOn=2021-02-30",
                "status=ALIVE", "status=active", "limit=0", "limit=501", "limit=x", "offset=-1", "offset=1e3")) {
            cases.add(get("list " + query, PATH + "?" + query));
        }
        String meetings = "/api/v1/meetings";
        for (String body : List.of("{}", "{\"kind\": \"SECOND_CONSULTATION\"}", "{\"date\": \"2021-04\"}",
                "{\"kind\": \"SECOND_CONSULTATION\", \"date\": 2021}",
                "{\"kind\": \"SECOND_CONSULTATION\", \"date\": \"2021-4\"}",
                "{\"kind\": \"SECOND_CONSULTATION\", \"date\": \"april 2021\"}",
                "{\"kind\": \"SECOND_CONSULTATION\", \"date\": \"2021-02-30\"}",
                "{\"kind\": \"SECOND_CONSULTATION\", \"date\": \"2021-13\"}",
                "{\"kind\": \"SECOND\", \"date\": \"2021-04\"}",
                "{\"kind\": \"SECOND_CONSULTATION\", \"date\": \"2021-04\", \"ministry\": \"KMD\"}",
                "{\"kind\": \"BILATERAL\", \"date\": \"2020\"}",
                "{\"kind\": \"BILATERAL\", \"date\": \"2020\", \"ministry\": \"KDD\"}",
                "{\"kind\": \"BILATERAL\", \"date\": \"2020\", \"ministry\": \"' OR 1=1 --\"}",
                "{\"kind\": \"SECOND_CONSULTATION\", \"date\": \"2021-04\", \"budgetYear\": 2019}",
                "{\"kind\": \"SECOND_CONSULTATION\", \"date\": \"2021-04\", \"title\": \"a\\u0007b\"}",
                "{\"kind\": \"SECOND_CONSULTATION\", \"date\": \"2021-04\", \"room\": \"A\"}")) {
            cases.add(post("meeting " + body, meetings, body));
        }
        for (String query : List.of("year=twenty", "year=99999", "kind=PLENARY", "status=DONE", "limit=0",
                "ministry=NOPE")) {
            cases.add(get("meetings " + query, meetings + "?" + query));
        }
        cases.add(get("meeting id that is no id", meetings + "/' OR 1=1 --".replace(" ", "%20")));
        cases.add(get("parties validOn 29.08.2018", "/api/v1/parties?validOn=29.08.2018"));
        cases.add(get("unknown party code", "/api/v1/parties/XYZ"));
        cases.add(new Case("text/plain body", "POST", PATH, "text/plain", VALID, Map.of()));
        cases.add(new Case("xml body", "POST", PATH, "application/xml", "<agreement/>", Map.of()));
        cases.add(new Case("idempotency key with spaces", "POST", PATH, "application/json", VALID,
                Map.of("Idempotency-Key", "two words")));
        cases.add(new Case("idempotency key of 256 characters", "POST", PATH, "application/json", VALID,
                Map.of("Idempotency-Key", "k".repeat(256))));
        cases.add(new Case("If-Match that is no entity tag", "POST", record + "/renegotiations", "application/json",
                "{\"startedOn\": \"2022-01-01\"}", Map.of("If-Match", "latest")));
        cases.add(new Case("stale If-Match", "POST", record + "/renegotiations", "application/json",
                "{\"startedOn\": \"2022-01-01\"}", Map.of("If-Match", "\"99\"")));
        cases.add(new Case("body over 1 MiB", "POST", PATH, "application/json",
                withField("title", quoted("x".repeat(1_100_000))), Map.of()));
        cases.add(new Case("accepts only xml", "GET", PATH, null, null, Map.of("Accept", "application/xml")));
        cases.add(new Case("DELETE on the list", "DELETE", PATH, null, null, Map.of()));
        cases.add(new Case("PUT on a record", "PUT", record, "application/json", VALID, Map.of()));
        return cases;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String record() {
        if (recordId == null) {
            recordId = enter("Avtale som tåler alt", List.of("KD", "KS"), LocalDate.of(2021, 1, 1),
                    LocalDate.of(2024, 1, 1));
        }
        return recordId;
    }

    @Test
    void theCorpusHasAtLeast150Requests() {
        assertTrue(corpus().size() >= 150, "the corpus has " + corpus().size() + " requests");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAProblemAndStoresNothing(Case request) {
        String id = record();
        long eventsBefore = store.events();
        RequestSpecification spec = given().headers(request.headers());
        if (request.contentType() != null) {
            spec = spec.contentType(request.contentType() + "; charset=UTF-8").body(request.body().replace(RECORD, id));
        }
        ExtractableResponse<Response> answer = spec.when()
                .request(request.method(), request.path().replace(RECORD, id)).then().extract();
        String what = request.name() + " answered " + answer.statusCode() + " " + answer.asString();
        assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, what);
        assertEquals("application/problem+json", answer.contentType(), what);
        assertEquals(answer.statusCode(), answer.<Integer>path("status"), what);
        assertTrue(answer.<String>path("code") != null && answer.<String>path("detail") != null, what);
        assertEquals(eventsBefore, store.events(), "a refused request stores nothing: " + what);
    }

    @Test
    void norwegianTextAndInjectionLookingTitlesAreStoredAsSent() {
        for (String title : List.of("Avtale om æøå ÆØÅ – «sitat», nynorsk: kvalitetsutvikling i grunnskulen",
                "'; DROP TABLE agreement_view; --", "<b>Avtale</b> & ${jndi:x} {{7*7}}", "Ærlig talt: Ø og Å – ok")) {
            String id = enter(title, List.of("KD", "KS"), LocalDate.of(2021, 1, 1), LocalDate.of(2024, 1, 1));
            given().when().get(PATH + "/" + id).then().statusCode(200).body("title", equalTo(title));
        }
    }
}
