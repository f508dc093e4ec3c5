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
import no.samrad.support.Api;
import no.samrad.support.Store;
import no.samrad.support.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint against every kind of caller: the status each gets, and that a refused call
 * appends nothing. The agreements acted on have the parties KD and KS; the meetings are bilateral
 * meetings of KD and KS.
 */
@QuarkusTest
class AuthorisationMatrixTest {

    private static final List<String> KD_AND_KS = List.of("KD", "KS");
    private static final String READ_WRITE = "samrad:read samrad:write";
    private static final String MEETINGS = "/api/v1/meetings";

    @Inject
    Store store;
    @Inject
    ProjectionCatchUp catchUp;

    enum Caller {
        NO_TOKEN(Api::anonymous),
        EXPIRED(() -> Api.withToken(Tokens.expired("KS", READ_WRITE))),
        WRONG_AUDIENCE(() -> Api.withToken(Tokens.wrongAudience("KS", READ_WRITE))),
        READ_ONLY(() -> Api.as("KS", "samrad:read")),
        KS(() -> Api.as("KS", READ_WRITE)),
        MINISTRY_THAT_IS_A_PARTY(() -> Api.as("KD", READ_WRITE)),
        MINISTRY_THAT_IS_NOT(() -> Api.as("HOD", READ_WRITE)),
        AUDITOR(() -> Api.as(null, "samrad:audit")),
        ADMIN(() -> Api.as(null, "samrad:admin"));

        final Supplier<RequestSpecification> request;

        Caller(Supplier<RequestSpecification> request) {
            this.request = request;
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

    enum Kind { READ, WRITE, ADMIN }

    enum Endpoint {
        LIST_AGREEMENTS(Kind.READ, 200, (request, id) -> request.get(PATH)),
        GET_AGREEMENT(Kind.READ, 200, (request, id) -> request.get(PATH + "/" + id)),
        AGREEMENT_HISTORY(Kind.READ, 200, (request, id) -> request.get(PATH + "/" + id + "/history")),
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
        TERMINATE(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("terminatedOn", "2024-06-30", "reason", "Matrisetest"))
                .post(PATH + "/" + id + "/termination")),
        SUPERSEDE(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("supersededBy", id.split(" ")[1], "supersededOn", "2024-06-30"))
                .post(PATH + "/" + id.split(" ")[0] + "/supersession")),
        LIST_MEETINGS(Kind.READ, 200, (request, id) -> request.get(MEETINGS)),
        GET_MEETING(Kind.READ, 200, (request, id) -> request.get(MEETINGS + "/" + id)),
        MEETING_HISTORY(Kind.READ, 200, (request, id) -> request.get(MEETINGS + "/" + id + "/history")),
        MEETING_APPENDIX_C(Kind.READ, 200, (request, id) -> request.get(MEETINGS + "/" + id + "/appendices/c")),
        SCHEDULE_BILATERAL_MEETING(Kind.WRITE, 201, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("kind", "BILATERAL", "date", "2024-10", "ministry", "KD")).post(MEETINGS)),
        HOLD_MEETING(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of()).post(MEETINGS + "/" + id + "/completion")),
        CANCEL_MEETING(Kind.WRITE, 200, (request, id) -> request.contentType(ContentType.JSON)
                .body(Map.of("cancelledOn", "2024-09-30", "reason", "Matrisetest"))
                .post(MEETINGS + "/" + id + "/cancellation")),
        LIST_PROJECTIONS(Kind.ADMIN, 200, (request, id) -> request.get("/api/v1/admin/projections")),
        REBUILD_PROJECTION(Kind.ADMIN, 202,
                (request, id) -> request.post("/api/v1/admin/projections/agreements/rebuild"));

        final Kind kind;
        final int success;
        final BiFunction<RequestSpecification, String, Response> send;

        Endpoint(Kind kind, int success, BiFunction<RequestSpecification, String, Response> send) {
            this.kind = kind;
            this.success = success;
            this.send = send;
        }

        /** The record to act on; for supersession, the record and its successor, space separated. */
        String prepare() {
            if (name().contains("MEETING")) {
                return post(MEETINGS, Map.of("kind", "BILATERAL", "date", "2024-10", "ministry", "KD"))
                        .statusCode(201).extract().path("id");
            }
            if (this == SUPERSEDE) {
                return enter("Avtale som avløses", KD_AND_KS, LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1))
                        + " " + enter("Etterfølger", KD_AND_KS, LocalDate.of(2024, 5, 1), LocalDate.of(2029, 1, 1));
            }
            if (this == ENTER_PROPOSAL) {
                return post(PATH + "/proposals", Map.of("title", "Forslag", "parties", KD_AND_KS,
                        "proposedOn", "2024-01-01")).statusCode(201).extract().path("id");
            }
            return enter("Avtale mellom KD og KS", KD_AND_KS, LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1));
        }

        int expectedFor(Caller caller) {
            if (!caller.authenticated()) {
                return 401;
            }
            boolean allowed = switch (kind) {
                case READ -> caller.reads();
                case WRITE -> caller.writesOnKdRecords();
                case ADMIN -> caller == Caller.ADMIN;
            };
            return allowed ? success : 403;
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
        Store.Snapshot before = store.snapshot();
        int expected = endpoint.expectedFor(caller);

        ExtractableResponse<Response> answer = endpoint.send.apply(caller.request.get().when(), id).then()
                .statusCode(expected)
                .extract();

        if (expected >= 400) {
            assertEquals("application/problem+json", answer.contentType());
            assertTrue(List.of("UNAUTHENTICATED", "FORBIDDEN", "NOT_ENTITLED").contains(answer.<String>path("code")));
            assertEquals(before.events(), store.events(), "a refused call appends nothing");
        }
        if (endpoint == Endpoint.REBUILD_PROJECTION && expected == 202) {
            assertTrue(catchUp.await(AgreementProjection.PROCESSING_GROUP, Duration.ofSeconds(30)));
        }
    }
}
