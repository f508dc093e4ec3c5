package no.samrad.infrastructure.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Writes the parts of the HTTP contract that every operation shares into the OpenAPI document:
 * the problem-details schema, the error responses each kind of operation can give, and the
 * correlation and idempotency headers. Endpoints declare only their successes; the error responses
 * Quarkus adds by itself (400 for validated bodies, 401 and 403 for secured endpoints) are replaced
 * by these, which say what the body is.
 */
public class OpenApiContract implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        components.addSchema("Problem", problemSchema());
        components.addParameter("CorrelationId", OASFactory.createParameter()
                .name(CorrelationFilter.HEADER).in(Parameter.In.HEADER).required(false)
                .description("Ties the request, its answer and the events it causes together; echoed on "
                        + "every answer, generated when absent. 1 to 128 of A-Z a-z 0-9 . _ : -")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        components.addParameter("IdempotencyKey", OASFactory.createParameter()
                .name("Idempotency-Key").in(Parameter.In.HEADER).required(false)
                .description("Makes the POST safe to retry: the same key and body return the first answer "
                        + "(with Idempotent-Replayed: true) and append nothing; the same key with another body "
                        + "is refused with 422. Keys are kept at least 24 hours.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(255)));
        openAPI.setComponents(components);
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/v1")) {
                describe(path, item);
            }
        });
    }

    private void describe(String path, PathItem item) {
        boolean onRecord = path.contains("{");
        item.getOperations().forEach((method, operation) -> {
            operation.addParameter(OASFactory.createParameter().ref("CorrelationId"));
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("400", "The request is malformed or a value is invalid (INVALID_REQUEST, MALFORMED_JSON, ...)");
            errors.put("401", "No valid bearer token (UNAUTHENTICATED)");
            errors.put("403", "The token lacks the scope, or its party is not entitled to the record "
                    + "(FORBIDDEN, NOT_ENTITLED)");
            if (onRecord) {
                errors.put("404", "No record with that id (NOT_FOUND)");
            }
            errors.put("406", "The client accepts no media type Samråd produces (NOT_ACCEPTABLE)");
            boolean isCommand = method == PathItem.HttpMethod.POST && operation.getRequestBody() != null;
            if (isCommand) {
                operation.addParameter(OASFactory.createParameter().ref("IdempotencyKey"));
                errors.put("409", "A business rule or a concurrent change refuses the command");
                if (hasParameter(operation, Versions.IF_MATCH)) {
                    errors.put("412", "If-Match names a version the record no longer has (VERSION_MISMATCH)");
                }
                errors.put("413", "The body is larger than 1 MiB (PAYLOAD_TOO_LARGE)");
                errors.put("415", "The body is not application/json (UNSUPPORTED_MEDIA_TYPE)");
                errors.put("422", "The Idempotency-Key was used for another request (IDEMPOTENCY_KEY_REUSED)");
            }
            errors.put("500", "A fault in Samråd; it is logged (INTERNAL_ERROR)");
            errors.put("503", "The database is unavailable; see Retry-After (SERVICE_UNAVAILABLE)");
            errors.forEach((status, description) -> addProblem(operation, status, description));
        });
    }

    private static boolean hasParameter(Operation operation, String name) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> name.equals(parameter.getName()));
    }

    private static void addProblem(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponse response = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        operation.getResponses().addAPIResponse(status, response);
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details with Samråd's stable code. Switch on code (or type), "
                        + "never on detail.")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .example("urn:samrad:problem:party-not-valid-on-date"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .example("Conflict"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).example(409))
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .example("PARTY_NOT_VALID_ON_DATE"))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .example("Party KMD (Kommunal- og moderniseringsdepartementet) was not valid on 2024-01-01:"
                                + " it is valid from 2014-01-01 to 2021-12-31. Its successor is KDD."))
                .addProperty("instance", text)
                .addProperty("correlationId", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status", "code", "detail"));
    }
}
