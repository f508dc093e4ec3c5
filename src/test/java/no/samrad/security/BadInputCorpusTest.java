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
import no.samrad.support.Agreements;
import no.samrad.support.Api;
import no.samrad.support.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests that must all be refused with a 4xx problem document, each leaving the event store as
 * it was. {@code RECORD} in a path stands for an existing active agreement between KD and KS; the
 * other placeholders for a scheduled meeting, a sector matter, a cost case and a law-participation
 * request, all of KD and reported by KS, and an estimate of the cost case made by KD.
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

    private static final String MEETING = "{meeting}";
    private static final String CASE = "{case}";
    private static final String COST_CASE = "{costcase}";
    private static final String LAW_CASE = "{lawcase}";
    private static final String ESTIMATE = "{estimate}";

    private static Map<String, String> records;

    @Inject
    Store store;

    record Case(String name, String method, String path, String contentType, String body, Map<String, String> headers,
                byte[] rawBody) {

        Case(String name, String method, String path, String contentType, String body, Map<String, String> headers) {
            this(name, method, path, contentType, body, headers, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A body sent byte for byte, as JSON: for bytes no Java string can hold. */
    private static Case raw(String name, String path, byte[] body) {
        return new Case(name, "POST", path, "application/json", null, Map.of(), body);
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
        for (String body : List.of("{}", "{\"reason\": \"Uten dato\"}", "{\"enteredOn\": \"2021-01-01\"}",
                "{\"expiresOn\": \"2020-12-31\", \"reason\": \"Før inngåelse\"}",
                "{\"enteredOn\": \"1.1.2021\", \"reason\": \"R\"}")) {
            cases.add(post("correction " + body, record + "/corrections", body));
        }
        for (String asOf : List.of("2026-01-31", "2026-01-31T12:00:00", "yesterday", "2026-13-01T00:00:00Z")) {
            cases.add(get("asOf " + asOf, PATH + "?asOf=" + asOf));
            cases.add(get("record asOf " + asOf, record + "?asOf=" + asOf));
            cases.add(get("cost cases asOf " + asOf, "/api/v1/cost-cases?asOf=" + asOf));
            cases.add(get("law participation asOf " + asOf, "/api/v1/law-participation?asOf=" + asOf));
            cases.add(get("appendix a asOf " + asOf, "/api/v1/meetings/" + MEETING + "/appendices/a?asOf=" + asOf));
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
        cases.add(get("appendix d", meetings + "/" + MEETING + "/appendices/d"));
        cases.add(get("appendix a of no meeting", meetings + "/00000000-0000-0000-0000-000000000000/appendices/a"));
        cases.add(new Case("appendix b as xml", "GET", meetings + "/" + MEETING + "/appendices/b", null, null,
                Map.of("Accept", "application/xml")));
        caseCorpus(cases);
        for (String query : List.of("after=-1", "after=x", "after=1.5", "limit=0", "limit=1001", "limit=x")) {
            cases.add(get("events " + query, "/api/v1/events?" + query));
        }
        cases.add(get("export format xml", "/api/v1/events/export?format=xml"));
        for (String lastEventId : List.of("x", "-1", "1.5", "' OR 1=1 --", "99999999999999999999")) {
            cases.add(new Case("stream after Last-Event-ID " + lastEventId, "GET", "/api/v1/events/stream", null, null,
                    Map.of("Last-Event-ID", lastEventId)));
        }
        cases.add(new Case("stream as json", "GET", "/api/v1/events/stream", null, null,
                Map.of("Accept", "application/json")));
        for (String query : List.of("on=20.04.2021", "on=2021-02-30", "on=today", "asOf=2021-04-20",
                "asOf=yesterday", "on=2021-04-20&asOf=2021-13-01T00:00:00Z")) {
            cases.add(get("dashboard " + query, "/api/v1/dashboard?" + query));
        }
        cases.add(new Case("dashboard as xml", "GET", "/api/v1/dashboard", null, null,
                Map.of("Accept", "application/xml")));
        for (String query : List.of("from=0", "from=x", "to=0", "to=99999999999", "from=5&to=4")) {
            cases.add(get("verify " + query, "/api/v1/audit/verify?" + query));
        }
        cases.add(get("checkpoints from=-1", "/api/v1/audit/checkpoints?from=-1"));
        cases.add(get("receipt of no request id", "/api/v1/audit/receipts/' OR 1=1".replace(" ", "%20")));
        cases.add(get("receipt of a request that never was", "/api/v1/audit/receipts/"
                + "00000000-0000-0000-0000-000000000000"));
        for (String records : List.of("agreements", "meetings", "cases")) {
            cases.add(get(records + " changes of no id", "/api/v1/" + records + "/' OR 1=1/changes".replace(" ", "%20")));
            cases.add(get(records + " changes of no record", "/api/v1/" + records
                    + "/00000000-0000-0000-0000-000000000000/changes"));
        }
        cases.add(new Case("rebuild of the published log", "POST", "/api/v1/admin/projections/event-chain/rebuild",
                null, null, Map.of()));
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
        hostileCorpus(cases, record);
        return cases;
    }

    /** The requests the hostile and careless clients of issue 12 sent, each of which must be refused. */
    private static void hostileCorpus(List<Case> cases, String record) {
        cases.add(post("renegotiation with startedOn twice", record + "/renegotiations",
                "{\"startedOn\":\"2030-01-01\",\"startedOn\":\"2026-11-01\"}"));
        cases.add(post("agenda item with meeting twice", "/api/v1/cases/" + CASE + "/agenda-items",
                "{\"meeting\":\"" + MEETING + "\",\"meeting\":\"" + MEETING + "\"}"));
        cases.add(post("completion with heldOn twice", "/api/v1/meetings/" + MEETING + "/completion",
                "{\"heldOn\":\"2031-04-01\",\"heldOn\":\"2031-04-02\"}"));
        cases.add(post("agreement with title twice", PATH, VALID.replace("\"category\"",
                "\"title\": \"Andre\", \"category\"")));
        for (String type : List.of("application/json; charset=ISO-8859-1", "application/json; charset=utf-16",
                "application/json-patch+json")) {
            cases.add(new Case("body as " + type, "POST", PATH, type, VALID, Map.of()));
        }
        for (String encoding : List.of("gzip", "deflate", "br")) {
            cases.add(new Case("body with Content-Encoding " + encoding, "POST", PATH, "application/json", VALID,
                    Map.of("Content-Encoding", encoding)));
        }
        for (String bytes : List.of("c0af", "f4908080", "eda080", "f5808080", "80")) {
            byte[] start = "{\"title\": \"Avtale ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] end = VALID.substring(VALID.indexOf("\", \"category\"")).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8);
            byte[] middle = java.util.HexFormat.of().parseHex(bytes);
            byte[] body = new byte[start.length + middle.length + end.length];
            System.arraycopy(start, 0, body, 0, start.length);
            System.arraycopy(middle, 0, body, start.length, middle.length);
            System.arraycopy(end, 0, body, start.length + middle.length, end.length);
            cases.add(raw("malformed UTF-8 " + bytes + " in title", PATH, body));
        }
        for (String escape : List.of("\\ud800", "\\udfff", "x\\udc00y")) {
            cases.add(post("lone surrogate " + escape + " in title", PATH, withField("title", "\"Avtale " + escape
                    + "\"")));
        }
        for (String character : List.of("\u0085", "\u202A", "\u202E", "\u2066", "\u2069", "\u200B", "\u200F",
                "\u2028", "\u2029", "\uFEFF", "\u00AD")) {
            String hex = String.format("U+%04X", (int) character.charAt(0));
            cases.add(post(hex + " in title", PATH, withField("title", quoted("Avtale" + character + "x"))));
            cases.add(post(hex + " in a termination's reason", record + "/termination",
                    "{\"terminatedOn\": \"2022-01-01\", \"reason\": " + quoted("Grunn" + character) + "}"));
        }
        for (String blank : List.of("\u00A0", "\u00A0\u2007\u202F", "\u3000", "\u200B ")) {
            cases.add(post("title of " + blank.length() + " kinds of space", PATH, withField("title", quoted(blank))));
        }
        cases.add(post("proposal in another party's name", PATH + "/proposals",
                "{\"title\": \"Forslag\", \"parties\": [\"HOD\", \"KS\"], \"proposedOn\": \"2024-01-01\","
                        + " \"proposedBy\": \"HOD\"}"));
        cases.add(post("estimate in another party's name", "/api/v1/cost-cases/" + COST_CASE + "/estimates",
                "{\"amountNok\": 10, \"periodFrom\": 2031, \"basis\": \"B\", \"method\": \"M\", \"madeBy\": \"KD\"}"));
        cases.add(new Case("stale If-Match on a renewal that breaks its rules", "POST", record + "/renewals",
                "application/json", "{\"enteredOn\": \"2020-01-01\", \"expiresOn\": \"2021-06-30\"}",
                Map.of("If-Match", "\"5\"")));
        for (String asOf : List.of("%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00%2B18:00",
                "1899-12-31T23:59:59Z", "10000-01-01T00:00:00Z")) {
            cases.add(get("agreements asOf " + asOf, PATH + "?asOf=" + asOf));
            cases.add(get("dashboard asOf " + asOf, "/api/v1/dashboard?asOf=" + asOf));
            cases.add(get("record asOf " + asOf, record + "?asOf=" + asOf));
        }
        cases.add(get("dashboard on 1899-12-31", "/api/v1/dashboard?on=1899-12-31"));
        cases.add(post("agreement entered in 1899", PATH, withField("enteredOn", "\"1899-12-31\"")));
        cases.add(post("meeting held next year", "/api/v1/meetings/" + MEETING + "/completion",
                "{\"heldOn\": \"2031-04-15\"}"));
        cases.add(post("case concluded in 2031", "/api/v1/cases/" + CASE + "/conclusion",
                "{\"concludedOn\": \"2031-04\", \"outcome\": \"Ferdig\"}"));
        cases.add(post("case withdrawn in 2031", "/api/v1/cases/" + CASE + "/withdrawal",
                "{\"withdrawnOn\": \"2031-01-01\", \"reason\": \"Trukket\"}"));
        cases.add(post("input given in 2031", "/api/v1/cases/" + CASE + "/inputs",
                "{\"text\": \"Innspill\", \"givenOn\": \"2031-01-01\"}"));
        cases.add(post("assessment before the estimate", "/api/v1/cost-cases/" + COST_CASE + "/estimates/" + ESTIMATE
                + "/assessment", "{\"verdict\": \"AGREES\", \"reasons\": \"Enig\", \"assessedOn\": \"2020-01-01\"}"));
        cases.add(post("cost case concluded without its final estimate named", "/api/v1/cases/" + COST_CASE
                + "/conclusion", "{\"concludedOn\": \"2025-01\", \"outcome\": \"Ferdig\", \"finalEstimateId\": \""
                + ESTIMATE + "\"}"));
    }

    /** Bad requests to the case, cost-case and law-participation endpoints. */
    private static void caseCorpus(List<Case> cases) {
        String casesPath = "/api/v1/cases";
        String report = "{\"kind\": \"SECTOR_MATTER\", \"title\": \"Sak\", \"ministries\": [\"KD\"], \"meeting\": \""
                + MEETING + "\"";
        for (String body : List.of("{}", "{\"title\": \"Sak\", \"meeting\": \"" + MEETING + "\"}",
                report.replace("SECTOR_MATTER", "THEME") + "}",
                report.replace("\"Sak\"", "\"  \"") + "}",
                report.replace("\"Sak\"", "\"a\\u0000b\"") + "}",
                report.replace("\"Sak\"", quoted("s".repeat(501))) + "}",
                report.replace("[\"KD\"]", "\"KD\"") + "}",
                report.replace("[\"KD\"]", "[null]") + "}",
                report.replace("[\"KD\"]", "[\"\"]") + "}",
                report.replace("[\"KD\"]", "[\"KS\"]") + "}",
                report.replace("[\"KD\"]", "[\"NOPE\"]") + "}",
                report.replace("[\"KD\"]", "[\"KD\", \"KD\"]") + "}",
                report.replace("[\"KD\"]", "[" + "\"KD\", ".repeat(10) + "\"HOD\"]") + "}",
                report.replace("[\"KD\"]", "[]") + "}",
                report.replace(MEETING, "not-a-uuid") + "}",
                report.replace(MEETING, "00000000-0000-0000-0000-000000000000") + "}",
                report + ", \"reportedOn\": \"2021-4\"}",
                report + ", \"reportedOn\": \"2099\"}",
                report + ", \"reportedBy\": \"KD\"}",
                report + ", \"reform\": \"Reform\"}",
                report.replace("SECTOR_MATTER", "COST_CALCULATION") + "}",
                report.replace("SECTOR_MATTER", "LAW_PARTICIPATION") + "}",
                report.replace("SECTOR_MATTER", "LAW_PARTICIPATION") + ", \"law\": {\"title\": \"\"}}",
                report.replace("SECTOR_MATTER", "LAW_PARTICIPATION") + ", \"law\": {\"title\": \"L\", \"kind\": \"ACT\"}}",
                report.replace("SECTOR_MATTER", "LAW_PARTICIPATION") + ", \"law\": {\"title\": \"L\", \"eu\": true}}",
                report + ", \"law\": {\"title\": \"L\"}}",
                report + ", \"summary\": " + quoted("s".repeat(8001)) + "}",
                report + ", \"number\": \"2021/0001\"}")) {
            cases.add(post("report " + abbreviated(body), casesPath, body));
        }
        for (String injection : INJECTIONS) {
            cases.add(post("report ministry " + injection, casesPath,
                    report.replace("[\"KD\"]", "[" + quoted(injection) + "]") + "}"));
            cases.add(get("case id " + injection, casesPath + "/" + encode(injection)));
            cases.add(get("cases q " + injection + " with meeting id " + injection,
                    casesPath + "?meeting=" + encode(injection)));
        }
        String sectorCase = casesPath + "/" + CASE;
        for (String body : List.of("{}", "{\"text\": \" \"}", "{\"text\": \"T\", \"givenOn\": \"01.01.2021\"}",
                "{\"text\": \"T\", \"givenOn\": \"2020-01-01\"}", "{\"text\": \"T\", \"meeting\": \"x\"}",
                "{\"text\": \"T\", \"meeting\": \"00000000-0000-0000-0000-000000000000\"}",
                "{\"text\": \"T\", \"party\": \"KD\"}", "{\"text\": \"T\", \"party\": \"NOPE\"}",
                "{\"text\": " + quoted("t".repeat(8001)) + "}")) {
            cases.add(post("input " + abbreviated(body), sectorCase + "/inputs", body));
        }
        for (String body : List.of("{}", "{\"meeting\": \"x\"}",
                "{\"meeting\": \"00000000-0000-0000-0000-000000000000\"}")) {
            cases.add(post("agenda item " + body, sectorCase + "/agenda-items", body));
        }
        for (String body : List.of("{}", "{\"meeting\": \"" + MEETING + "\"}",
                "{\"meeting\": \"" + MEETING + "\", \"outcome\": \"DECIDED\"}",
                "{\"meeting\": \"" + MEETING + "\", \"outcome\": \"DISCUSSED\"}")) {
            cases.add(post("discussion " + body, sectorCase + "/discussions", body));
        }
        for (String body : List.of("{}", "{\"concludedOn\": \"2021-13\", \"outcome\": \"O\"}",
                "{\"concludedOn\": \"2031\", \"outcome\": \" \"}",
                "{\"concludedOn\": \"2020\", \"outcome\": \"For tidlig\"}",
                "{\"concludedOn\": \"2031\", \"outcome\": \"O\", \"finalEstimate\": \"" + ESTIMATE + "\"}")) {
            cases.add(post("conclusion " + body, sectorCase + "/conclusion", body));
        }
        cases.add(post("conclusion of a cost case without its estimate", casesPath + "/" + COST_CASE + "/conclusion",
                "{\"concludedOn\": \"2031\", \"outcome\": \"O\"}"));
        cases.add(post("conclusion of a request awaiting its answer", casesPath + "/" + LAW_CASE + "/conclusion",
                "{\"concludedOn\": \"2031\", \"outcome\": \"O\"}"));
        for (String body : List.of("{}", "{\"withdrawnOn\": \"2031-01-01\", \"reason\": \"\"}",
                "{\"withdrawnOn\": \"2031-02-30\", \"reason\": \"R\"}")) {
            cases.add(post("withdrawal " + body, sectorCase + "/withdrawal", body));
        }
        for (String query : List.of("kind=THEME", "status=open", "meeting=x", "ministry=NOPE",
                "q=" + "q".repeat(201), "limit=0")) {
            cases.add(get("cases " + abbreviated(query), casesPath + "?" + query));
        }

        String costCase = "/api/v1/cost-cases/" + COST_CASE;
        String estimate = "\"periodFrom\": 2022, \"basis\": \"B\", \"method\": \"M\"";
        for (String body : List.of("{}", "{" + estimate + "}", "{\"amountNok\": \"100\", " + estimate + "}",
                "{\"amountNok\": 1.001, " + estimate + "}", "{\"amountNok\": 1e16, " + estimate + "}",
                "{\"amountNok\": 100, \"periodFrom\": \"2022\", \"basis\": \"B\", \"method\": \"M\"}",
                "{\"amountNok\": 100, " + estimate + ", \"periodTo\": 2021}",
                "{\"amountNok\": 100, " + estimate.replace("2022", "1800") + "}",
                "{\"amountNok\": 100, " + estimate + ", \"madeBy\": \"NOPE\"}",
                "{\"amountNok\": 100, " + estimate + ", \"revises\": \"x\"}",
                "{\"amountNok\": 100, " + estimate + ", \"revises\": \"00000000-0000-0000-0000-000000000000\"}",
                "{\"amountNok\": 100, " + estimate + ", \"basis\": \"\"}")) {
            cases.add(post("estimate " + abbreviated(body), costCase + "/estimates", body));
        }
        cases.add(post("estimate on a sector matter", "/api/v1/cost-cases/" + CASE + "/estimates",
                "{\"amountNok\": 100, " + estimate + "}"));
        for (String body : List.of("{}", "{\"verdict\": \"MAYBE\", \"reasons\": \"R\"}",
                "{\"verdict\": \"AGREES\", \"reasons\": \" \"}")) {
            cases.add(post("assessment " + body, costCase + "/estimates/" + ESTIMATE + "/assessment", body));
        }
        cases.add(post("assessment of no estimate", costCase + "/estimates/00000000-0000-0000-0000-000000000000/assessment",
                "{\"verdict\": \"AGREES\", \"reasons\": \"R\"}"));
        cases.add(post("assessment of an estimate id that is no id", costCase + "/estimates/x/assessment",
                "{\"verdict\": \"AGREES\", \"reasons\": \"R\"}"));
        for (String body : List.of("{}", "{\"meeting\": \"" + MEETING + "\", \"text\": \"\"}",
                "{\"meeting\": \"00000000-0000-0000-0000-000000000000\", \"text\": \"T\"}")) {
            cases.add(post("status update " + body, costCase + "/status-updates", body));
        }
        for (String query : List.of("status=Open", "status=ONGOING%20", "status=opened_", "status=x", "limit=501")) {
            cases.add(get("cost cases " + query, "/api/v1/cost-cases?" + query));
        }
        cases.add(get("cost case that is a sector matter", "/api/v1/cost-cases/" + CASE));

        String lawCase = "/api/v1/law-participation/" + LAW_CASE;
        for (String body : List.of("{}", "{\"decision\": \"ACCEPTED\", \"reasons\": \"KS svarer selv\"}",
                "{\"decision\": \"MAYBE\", \"reasons\": \"R\"}",
                "{\"decision\": \"ACCEPTED\", \"reasons\": \"R\", \"decidedOn\": \"2021-4\"}")) {
            cases.add(post("decision " + body, lawCase + "/decision", body));
        }
        for (String body : List.of("{}", "{\"milestone\": \"IN_FORCE\", \"reachedOn\": \"2031\"}",
                "{\"milestone\": \"PASSED\", \"reachedOn\": \"2031\"}",
                "{\"milestone\": \"IN_FORCE\", \"reachedOn\": \"1.1.2031\"}")) {
            cases.add(post("milestone " + body, lawCase + "/milestones", body));
        }
        for (String query : List.of("status=awaiting_decision", "status=Awaiting-Decision", "status=AWAITING-DECISION",
                "status=open")) {
            cases.add(get("law participation " + query, "/api/v1/law-participation?" + query));
        }
        cases.add(get("law participation that is a cost case", "/api/v1/law-participation/" + COST_CASE));
    }

    private static String abbreviated(String text) {
        String line = text.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 90 ? line.substring(0, 90) + "…(" + line.length() + ")" : line;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Map<String, String> records() {
        if (records == null) {
            Map<String, String> made = new LinkedHashMap<>();
            made.put(RECORD, enter("Avtale som tåler alt", List.of("KD", "KS"), LocalDate.of(2021, 1, 1),
                    LocalDate.of(2024, 1, 1)));
            String meeting = Agreements.post("/api/v1/meetings", Map.of("kind", "SECOND_CONSULTATION",
                    "date", "2031-04")).statusCode(201).extract().path("id");
            made.put(MEETING, meeting);
            made.put(CASE, reported(Map.of("kind", "SECTOR_MATTER"), meeting));
            made.put(COST_CASE, reported(Map.of("kind", "COST_CALCULATION", "reform", "Reform"), meeting));
            made.put(LAW_CASE, reported(Map.of("kind", "LAW_PARTICIPATION", "law", Map.of("title", "Lov")), meeting));
            Api.as("KD", Api.KS_READ_WRITE).contentType("application/json")
                    .body(Map.of("amountNok", 100, "periodFrom", 2031, "basis", "B", "method", "M"))
                    .when().post("/api/v1/cost-cases/" + made.get(COST_CASE) + "/estimates").then().statusCode(200);
            made.put(ESTIMATE, given().when().get("/api/v1/cost-cases/" + made.get(COST_CASE)).then()
                    .extract().path("latestEstimate.id"));
            records = made;
        }
        return records;
    }

    private static String reported(Map<String, Object> kind, String meeting) {
        Map<String, Object> body = new LinkedHashMap<>(kind);
        body.put("title", "Sak som tåler alt");
        body.put("ministries", List.of("KD"));
        body.put("meeting", meeting);
        return Agreements.post("/api/v1/cases", body).statusCode(201).extract().path("id");
    }

    private static String filled(String text) {
        String result = text;
        for (Map.Entry<String, String> record : records().entrySet()) {
            result = result.replace(record.getKey(), record.getValue());
        }
        return result;
    }

    @Test
    void theCorpusHasAtLeast150Requests() {
        assertTrue(corpus().size() >= 150, "the corpus has " + corpus().size() + " requests");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAProblemAndStoresNothing(Case request) {
        records();
        long eventsBefore = store.events();
        RequestSpecification spec = given().headers(request.headers());
        if (request.rawBody() != null) {
            spec = spec.contentType(request.contentType()).body(request.rawBody());
        } else if (request.contentType() != null) {
            String type = request.contentType().contains(";") ? request.contentType()
                    : request.contentType() + "; charset=UTF-8";
            spec = spec.contentType(type).body(filled(request.body()));
        }
        ExtractableResponse<Response> answer = spec.when()
                .request(request.method(), filled(request.path())).then().extract();
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
