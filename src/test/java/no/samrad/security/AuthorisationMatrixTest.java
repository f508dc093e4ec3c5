package no.samrad.security;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.body;
import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Agreements.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import no.samrad.agreement.query.AgreementProjection;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.infrastructure.axon.ProjectionRebuilder;
import no.samrad.support.Api;
import no.samrad.support.EventStream;
import no.samrad.support.MovableClock;
import no.samrad.support.Store;
import no.samrad.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint against every kind of caller: the status each gets, and that a refused call
 * appends nothing. The agreements acted on have the parties KD and KS; the meetings are bilateral
 * meetings of KD and KS; the cases have KD as responsible ministry and were reported by KS.
 */
@QuarkusTest
class AuthorisationMatrixTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void realToday() {
        clock.reset();
    }

    private static final List<String> KD_AND_KS = List.of("KD", "KS");
    private static final String READ_WRITE = "samrad:read samrad:write";
    private static final String MEETINGS = "/api/v1/meetings";
    private static final String CASES = "/api/v1/cases";
    private static final String COST_CASES = "/api/v1/cost-cases";
    private static final String LAW = "/api/v1/law-participation";

    @Inject
    Store store;
    @Inject
    ProjectionCatchUp catchUp;
    @Inject
    ProjectionRebuilder rebuilder;

    enum Caller {
        NO_TOKEN(() -> null),
        EXPIRED(() -> Tokens.expired("KS", READ_WRITE)),
        WRONG_AUDIENCE(() -> Tokens.wrongAudience("KS", READ_WRITE)),
        READ_ONLY(() -> Tokens.token("KS", "samrad:read")),
        KS(() -> Tokens.token("KS", READ_WRITE)),
        MINISTRY_THAT_IS_A_PARTY(() -> Tokens.token("KD", READ_WRITE)),
        MINISTRY_THAT_IS_NOT(() -> Tokens.token("HOD", READ_WRITE)),
        AUDITOR(() -> Tokens.token(null, "samrad:audit")),
        ADMIN(() -> Tokens.token(null, "samrad:admin"));

        /** The caller's bearer token; {@code null} for none. */
        final Supplier<String> token;
        final Supplier<RequestSpecification> request;

        Caller(Supplier<String> token) {
            this.token = token;
            this.request = () -> {
                String bearer = token.get();
                return bearer == null ? Api.anonymous() : Api.withToken(bearer);
            };
        }

        boolean authenticated() {
            return this != NO_TOKEN && this != EXPIRED && this != WRONG_AUDIENCE;
        }

        boolean reads() {
            return authenticated() && this != ADMIN;
        }

        boolean writesOnKdRecords() {
            return this == KS || this == MINISTRY_THAT_IS_A_PARTY;
        }
    }

    /**
     * What an endpoint asks of its caller: to read; to write on a record of KD and KS; to write as
     * any party (reporting a case); to write as KS (assessing an estimate); to write as the
     * responsible ministry (answering a request); or to administer.
     */
    enum Kind { PUBLIC, READ, WRITE, WRITE_AS_ANY_PARTY, WRITE_AS_KS, WRITE_AS_RESPONSIBLE_MINISTRY, ADMIN }

    enum Endpoint {
        LIST_AGREEMENTS(Kind.READ, 200, (request, id) -> request.get(PATH)),
        GET_AGREEMENT(Kind.READ, 200, (request, id) -> request.get(PATH + "/" + id)),
        AGREEMENT_HISTORY(Kind.READ, 200, (request, id) -> request.get(PATH + "/" + id + "/history")),
        AGREEMENT_CHANGES(Kind.READ, 200, (request, id) -> request.get(PATH + "/" + id + "/changes")),
        LIST_PARTIES(Kind.READ, 200, (request, id) -> request.get("/api/v1/parties")),
        GET_PARTY(Kind.READ, 200, (request, id) -> request.get("/api/v1/parties/KD")),
        ENTER_AGREEMENT(Kind.WRITE, 201, (request, id) -> request.contentType(ContentType.JSON)
                .body(body("Avtale i matrisen", KD_AND_KS, LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1)))
                .post(PATH)),
        PROPOSE_AGREEMENT(Kind.WRITE, 201, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("title", "Forslag i matrisen", "parties", KD_AND_KS, "proposedOn", "2024-01-01"))
                .post(PATH + "/proposals")),
        ENTER_PROPOSAL(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("category", "WELFARE_SERVICES", "enteredOn", "2024-03-01", "expiresOn", "2027-01-01"))
                .post(PATH + "/" + id + "/entry")),
        START_RENEGOTIATION(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("startedOn", "2024-06-01")).post(PATH + "/" + id + "/renegotiations")),
        RENEW(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("enteredOn", "2024-06-01", "expiresOn", "2030-01-01"))
                .post(PATH + "/" + id + "/renewals")),
        CORRECT(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("enteredOn", "2023-12-01", "reason", "Matrisetest")).post(PATH + "/" + id + "/corrections")),
        GET_AGREEMENT_AS_OF(Kind.READ, 200, (request, id) -> request.get(PATH + "/" + id + "?asOf="
                + java.time.Instant.now().plusSeconds(60))),
        TERMINATE(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("terminatedOn", "2024-06-30", "reason", "Matrisetest"))
                .post(PATH + "/" + id + "/termination")),
        SUPERSEDE(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("supersededBy", id.split(" ")[1], "supersededOn", "2024-06-30"))
                .post(PATH + "/" + id.split(" ")[0] + "/supersession")),
        LIST_MEETINGS(Kind.READ, 200, (request, id) -> request.get(MEETINGS)),
        GET_MEETING(Kind.READ, 200, (request, id) -> request.get(MEETINGS + "/" + id)),
        MEETING_HISTORY(Kind.READ, 200, (request, id) -> request.get(MEETINGS + "/" + id + "/history")),
        MEETING_CHANGES(Kind.READ, 200, (request, id) -> request.get(MEETINGS + "/" + id + "/changes")),
        MEETING_APPENDIX_C(Kind.READ, 200, (request, id) -> request.get(MEETINGS + "/" + id + "/appendices/c")),
        SCHEDULE_BILATERAL_MEETING(Kind.WRITE, 201, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("kind", "BILATERAL", "date", "2024-10", "ministry", "KD")).post(MEETINGS)),
        HOLD_MEETING(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of()).post(MEETINGS + "/" + id + "/completion")),
        CANCEL_MEETING(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("cancelledOn", "2024-09-30", "reason", "Matrisetest"))
                .post(MEETINGS + "/" + id + "/cancellation")),
        MEETING_APPENDIX_A(Kind.READ, 200, (request, id) -> request.get(MEETINGS + "/" + id + "/appendices/a")),
        MEETING_APPENDIX_B(Kind.READ, 200, (request, id) -> request.get(MEETINGS + "/" + id + "/appendices/b")),
        MEETING_AGENDA(Kind.READ, 200, (request, id) -> request.get(MEETINGS + "/" + id + "/agenda")),
        LIST_CASES(Kind.READ, 200, (request, id) -> request.get(CASES)),
        GET_CASE(Kind.READ, 200, (request, id) -> request.get(CASES + "/" + id)),
        CASE_HISTORY(Kind.READ, 200, (request, id) -> request.get(CASES + "/" + id + "/history")),
        CASE_CHANGES(Kind.READ, 200, (request, id) -> request.get(CASES + "/" + id + "/changes")),
        REPORT_CASE(Kind.WRITE_AS_ANY_PARTY, 201, (request, meeting) -> request.contentType(ContentType.JSON)
                .body(Map.of("kind", "SECTOR_MATTER", "title", "Sak i matrisen", "ministries", List.of("KD"),
                        "meeting", meeting, "reportedOn", "2064-03")).post(CASES)),
        ADD_CASE_INPUT(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("text", "Innspill i matrisen")).post(CASES + "/" + id + "/inputs")),
        PUT_CASE_ON_AGENDA(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("meeting", id.split(" ")[1])).post(CASES + "/" + id.split(" ")[0] + "/agenda-items")),
        RECORD_CASE_DISCUSSION(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("meeting", id.split(" ")[1], "outcome", "INFORMED"))
                .post(CASES + "/" + id.split(" ")[0] + "/discussions")),
        CONCLUDE_CASE(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("concludedOn", "2064-06", "outcome", "Matrisetest")).post(CASES + "/" + id + "/conclusion")),
        WITHDRAW_CASE(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("withdrawnOn", "2064-06-01", "reason", "Matrisetest"))
                .post(CASES + "/" + id + "/withdrawal")),
        LIST_COST_CASES(Kind.READ, 200, (request, id) -> request.get(COST_CASES)),
        GET_COST_CASE(Kind.READ, 200, (request, id) -> request.get(COST_CASES + "/" + id)),
        RECORD_COST_ESTIMATE(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("amountNok", 1000, "periodFrom", 2065, "basis", "B", "method", "M"))
                .post(COST_CASES + "/" + id + "/estimates")),
        ASSESS_COST_ESTIMATE(Kind.WRITE_AS_KS, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("verdict", "AGREES", "reasons", "Matrisetest"))
                .post(COST_CASES + "/" + id.split(" ")[0] + "/estimates/" + id.split(" ")[1] + "/assessment")),
        GIVE_COST_CASE_STATUS(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("meeting", id.split(" ")[1], "text", "Matrisetest"))
                .post(COST_CASES + "/" + id.split(" ")[0] + "/status-updates")),
        LIST_LAW_PARTICIPATION(Kind.READ, 200, (request, id) -> request.get(LAW)),
        GET_LAW_PARTICIPATION(Kind.READ, 200, (request, id) -> request.get(LAW + "/" + id)),
        DECIDE_LAW_PARTICIPATION(Kind.WRITE_AS_RESPONSIBLE_MINISTRY, 200, (request, id) -> request
                .contentType(ContentType.JSON).body(Map.of("decision", "ACCEPTED", "reasons", "Matrisetest"))
                .post(LAW + "/" + id + "/decision")),
        RECORD_LAW_MILESTONE(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("milestone", "PUBLIC_CONSULTATION", "reachedOn", "2064-09"))
                .post(LAW + "/" + id + "/milestones")),
        EVENT_FEED(Kind.READ, 200, (request, id) -> request.get("/api/v1/events?limit=5")),
        EVENT_EXPORT(Kind.READ, 200, (request, id) -> request.get("/api/v1/events/export")),
        AUDIT_VERIFY(Kind.READ, 200, (request, id) -> request.get("/api/v1/audit/verify")),
        AUDIT_CHECKPOINTS(Kind.READ, 200, (request, id) -> request.get("/api/v1/audit/checkpoints")),
        AUDIT_RECEIPT(Kind.READ, 200, (request, receipt) -> request.header("Prefer", "wait=10").get(receipt)),
        AUDIT_PUBLIC_KEY(Kind.PUBLIC, 200, (request, id) -> request.get("/api/v1/audit/public-key")),
        AUDIT_KEYS(Kind.PUBLIC, 200, (request, id) -> request.get("/api/v1/audit/keys")),
        EVENT_STREAM(Kind.READ, 200, (request, id) -> request.get("/api/v1/events/stream")),
        DASHBOARD(Kind.READ, 200, (request, id) -> request.get("/api/v1/dashboard")),
        DASHBOARD_SIGN_IN(Kind.PUBLIC, 200, (request, id) -> request.get("/api/v1/dashboard/sign-in")),
        LIST_PROJECTIONS(Kind.ADMIN, 200, (request, id) -> request.get("/api/v1/admin/projections")),
        LIST_INSTANCES(Kind.ADMIN, 200, (request, id) -> request.get("/api/v1/admin/instances")),
        REBUILD_PROJECTION(Kind.ADMIN, 202,
                (request, id) -> request.post("/api/v1/admin/projections/agreements/rebuild")),
        REBUILD_EVERY_READ_MODEL(Kind.ADMIN, 202,
                (request, id) -> request.post("/api/v1/admin/projections/rebuild"));

        final Kind kind;
        final int success;
        final BiFunction<RequestSpecification, String, Response> send;

        Endpoint(Kind kind, int success, BiFunction<RequestSpecification, String, Response> send) {
            this.kind = kind;
            this.success = success;
            this.send = send;
        }

        /**
         * The record to act on; for supersession, the record and its successor, space separated;
         * for commands that name a meeting or an estimate, the case and that, space separated.
         */
        String prepare() {
            if (name().contains("CASE") || name().contains("COST") || name().contains("LAW")) {
                return CaseRecords.prepare(this);
            }
            if (name().contains("MEETING")) {
                return post(MEETINGS, Map.of("kind", "BILATERAL", "date", "2024-10", "ministry", "KD"))
                        .statusCode(201).extract().path("id");
            }
            if (this == SUPERSEDE) {
                return enter("Avtale som avløses", KD_AND_KS, LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1))
                        + " " + enter("Etterfølger", KD_AND_KS, LocalDate.of(2024, 5, 1), LocalDate.of(2029, 1, 1));
            }
            if (this == AUDIT_RECEIPT) {
                String link = post(PATH, Map.of("title", "Avtale med kvittering", "category", "WELFARE_SERVICES",
                        "parties", KD_AND_KS, "enteredOn", "2024-01-01", "expiresOn", "2027-01-01"))
                        .statusCode(201).extract().header("Link");
                return link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            }
            if (this == ENTER_PROPOSAL) {
                return post(PATH + "/proposals", Map.of("title", "Forslag", "parties", KD_AND_KS,
                        "proposedOn", "2024-01-01")).statusCode(201).extract().path("id");
            }
            return enter("Avtale mellom KD og KS", KD_AND_KS, LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1));
        }

        int expectedFor(Caller caller) {
            if (kind == Kind.PUBLIC) {
                return success;
            }
            if (!caller.authenticated()) {
                return 401;
            }
            boolean allowed = switch (kind) {
                case READ -> caller.reads();
                case WRITE -> caller.writesOnKdRecords();
                case WRITE_AS_ANY_PARTY -> caller.writesOnKdRecords() || caller == Caller.MINISTRY_THAT_IS_NOT;
                case WRITE_AS_KS -> caller == Caller.KS;
                case WRITE_AS_RESPONSIBLE_MINISTRY -> caller == Caller.MINISTRY_THAT_IS_A_PARTY;
                case ADMIN -> caller == Caller.ADMIN;
                case PUBLIC -> true;
            };
            return allowed ? success : 403;
        }
    }

    /** The cases the case endpoints act on, made afresh for every cell. */
    static final class CaseRecords {

        private CaseRecords() {
        }

        static String prepare(Endpoint endpoint) {
            String meeting = post(MEETINGS, Map.of("kind", "SECOND_CONSULTATION", "date", "2064-04"))
                    .statusCode(201).extract().path("id");
            return switch (endpoint) {
                case REPORT_CASE -> meeting;
                case PUT_CASE_ON_AGENDA, GIVE_COST_CASE_STATUS -> report(endpoint == Endpoint.GIVE_COST_CASE_STATUS
                        ? Map.of("kind", "COST_CALCULATION", "reform", "Reform") : Map.of("kind", "SECTOR_MATTER"),
                        meeting) + " " + meeting;
                case RECORD_CASE_DISCUSSION -> {
                    String id = report(Map.of("kind", "SECTOR_MATTER"), meeting);
                    post(CASES + "/" + id + "/agenda-items", Map.of("meeting", meeting)).statusCode(200);
                    yield id + " " + meeting;
                }
                case LIST_COST_CASES, GET_COST_CASE, RECORD_COST_ESTIMATE ->
                        report(Map.of("kind", "COST_CALCULATION", "reform", "Reform"), meeting);
                case ASSESS_COST_ESTIMATE -> {
                    String id = report(Map.of("kind", "COST_CALCULATION", "reform", "Reform"), meeting);
                    Api.as("KD", READ_WRITE).contentType(ContentType.JSON)
                            .body(Map.of("amountNok", 1000, "periodFrom", 2065, "basis", "B", "method", "M"))
                            .when().post(COST_CASES + "/" + id + "/estimates").then().statusCode(200);
                    yield id + " " + Api.given().when().get(COST_CASES + "/" + id).then().extract()
                            .path("latestEstimate.id");
                }
                case LIST_LAW_PARTICIPATION, GET_LAW_PARTICIPATION, DECIDE_LAW_PARTICIPATION ->
                        report(Map.of("kind", "LAW_PARTICIPATION", "law", Map.of("title", "Lov")), meeting);
                case RECORD_LAW_MILESTONE -> {
                    String id = report(Map.of("kind", "LAW_PARTICIPATION", "law", Map.of("title", "Lov")), meeting);
                    Api.as("KD", READ_WRITE).contentType(ContentType.JSON)
                            .body(Map.of("decision", "ACCEPTED", "reasons", "Ja"))
                            .when().post(LAW + "/" + id + "/decision").then().statusCode(200);
                    yield id;
                }
                default -> report(Map.of("kind", "SECTOR_MATTER"), meeting);
            };
        }

        private static String report(Map<String, Object> kind, String meeting) {
            Map<String, Object> body = new java.util.HashMap<>(kind);
            body.put("title", "Sak mellom KD og KS");
            body.put("ministries", List.of("KD"));
            body.put("meeting", meeting);
            return post(CASES, body).statusCode(201).extract().path("id");
        }
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (Caller caller : Caller.values()) {
                cells.add(Arguments.of(endpoint, caller));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void eachCallerGetsWhatItIsEntitledTo(Endpoint endpoint, Caller caller) {
        String id = endpoint.prepare();
        // The commands below record what happened in 2064: by then it has.
        clock.setToday(LocalDate.of(2064, 12, 31));
        Store.Snapshot before = store.snapshot();
        int expected = endpoint.expectedFor(caller);

        if (endpoint == Endpoint.EVENT_STREAM && expected == 200) {
            // The stream never ends: an allowed caller is shown by the stream opening.
            try (EventStream stream = EventStream.open(caller.token.get(), null)) {
                assertEquals(200, stream.status());
            }
            return;
        }
        ExtractableResponse<Response> answer = endpoint.send.apply(caller.request.get().when(), id).then()
                .statusCode(expected)
                .extract();

        if (expected >= 400) {
            assertEquals("application/problem+json", answer.contentType());
            assertTrue(List.of("UNAUTHENTICATED", "FORBIDDEN", "NOT_ENTITLED").contains(answer.<String>path("code")));
            assertEquals(before.events(), store.events(), "a refused call appends nothing");
        }
        if ((endpoint == Endpoint.REBUILD_PROJECTION || endpoint == Endpoint.REBUILD_EVERY_READ_MODEL)
                && expected == 202) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(
                    rebuilder.progress(AgreementProjection.PROCESSING_GROUP).orElseThrow().state()));
            assertTrue(catchUp.await(AgreementProjection.PROCESSING_GROUP, Duration.ofSeconds(30)));
        }
    }
}
