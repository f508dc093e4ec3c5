package no.samrad.infrastructure;

import static no.samrad.support.Agreements.enter;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import no.samrad.support.Api;
import org.junit.jupiter.api.Test;

/** The public operational surface: the OpenAPI document, health and metrics. */
@QuarkusTest
class OperationsTest {

    @Test
    void theOpenApiDocumentListsEveryEndpointWithItsProblemsAndTheBearerScheme() {
        Api.anonymous().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("paths.keySet()", hasItems("/api/v1/agreements", "/api/v1/agreements/proposals",
                        "/api/v1/agreements/{id}", "/api/v1/agreements/{id}/history",
                        "/api/v1/agreements/{id}/entry", "/api/v1/agreements/{id}/renegotiations",
                        "/api/v1/agreements/{id}/renewals", "/api/v1/agreements/{id}/termination",
                        "/api/v1/agreements/{id}/supersession", "/api/v1/parties", "/api/v1/parties/{code}",
                        "/api/v1/admin/projections", "/api/v1/admin/projections/{name}/rebuild",
                        "/api/v1/admin/projections/rebuild",
                        "/api/v1/meetings", "/api/v1/meetings/{id}", "/api/v1/meetings/{id}/history",
                        "/api/v1/meetings/{id}/completion", "/api/v1/meetings/{id}/cancellation",
                        "/api/v1/meetings/{id}/appendices/a", "/api/v1/meetings/{id}/appendices/b",
                        "/api/v1/meetings/{id}/appendices/c", "/api/v1/meetings/{id}/agenda",
                        "/api/v1/cases", "/api/v1/cases/{id}", "/api/v1/cases/{id}/history",
                        "/api/v1/cases/{id}/inputs", "/api/v1/cases/{id}/agenda-items",
                        "/api/v1/cases/{id}/discussions", "/api/v1/cases/{id}/conclusion",
                        "/api/v1/cases/{id}/withdrawal", "/api/v1/cost-cases", "/api/v1/cost-cases/{id}",
                        "/api/v1/cost-cases/{id}/estimates",
                        "/api/v1/cost-cases/{id}/estimates/{estimateId}/assessment",
                        "/api/v1/cost-cases/{id}/status-updates", "/api/v1/law-participation",
                        "/api/v1/law-participation/{id}", "/api/v1/law-participation/{id}/decision",
                        "/api/v1/law-participation/{id}/milestones", "/api/v1/events", "/api/v1/events/export",
                        "/api/v1/audit/verify", "/api/v1/audit/checkpoints", "/api/v1/audit/public-key",
                        "/api/v1/audit/keys", "/api/v1/admin/instances",
                        "/api/v1/agreements/{id}/changes", "/api/v1/agreements/{id}/corrections", "/api/v1/meetings/{id}/changes", "/api/v1/cases/{id}/changes",
                        "/api/v1/events/stream", "/api/v1/dashboard", "/api/v1/dashboard/sign-in"))
                .body("paths.'/api/v1/cases'.post.responses.keySet()",
                        allOf(hasItems("201", "400", "401", "403", "409", "413", "415", "422", "503"),
                                not(hasItem("202"))))
                .body("paths.'/api/v1/agreements'.post.responses.keySet()",
                        hasItems("201", "400", "401", "403", "409", "413", "415", "422", "503"))
                .body("paths.'/api/v1/agreements/{id}/renewals'.post.responses.keySet()", hasItems("200", "404", "412"))
                .body("paths.'/api/v1/agreements'.post.responses.'400'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.schemas.PartialDate.type", equalTo("string"))
                .body("components.schemas.Problem.required", hasItems("code", "detail"));
    }

    @Test
    void healthIsPublicAndReportsTheReadModels() {
        Api.anonymous().when().get("/q/health/live").then().statusCode(200);
        Api.anonymous().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.name", hasItems("read models"));
    }

    @Test
    void metricsCountCommandsByOutcomeAndEventsByType() {
        enter("Avtale som telles", List.of("HOD", "KS"), LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1));
        Api.given().contentType("application/json").body("{\"title\": \"x\", \"category\": \"WELFARE_SERVICES\","
                + " \"parties\": [\"XX\", \"KS\"], \"enteredOn\": \"2024-01-01\", \"expiresOn\": \"2025-01-01\"}")
                .when().post("/api/v1/agreements").then().statusCode(400);
        Api.anonymous().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("samrad_commands_seconds_count{outcome=\"accepted\",type=\"EnterAgreement\"}"))
                .body(containsString("samrad_commands_seconds_count{outcome=\"refused\",type=\"EnterAgreement\"}"))
                .body(containsString("samrad_events_appended_total{type=\"AgreementEntered\"}"))
                .body(containsString("samrad_projection_lag_events{projection=\"event-chain\"}"))
                .body(containsString("samrad_audit_chain_events_total"))
                .body(containsString("samrad_audit_chain_batches_seconds_count"))
                .body(containsString("samrad_audit_tree_extensions_seconds_sum"));
    }
}
