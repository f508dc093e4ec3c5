package no.samrad.infrastructure.web;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.samrad.infrastructure.replica.WalPositions;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Writes the parts of the HTTP contract that every operation shares into the OpenAPI document:
 * the problem-details schema, the error responses each kind of operation can give, and the
 * correlation and idempotency headers. Endpoints declare only their successes; the error responses
 * Quarkus adds by itself (400 for validated bodies, 401 and 403 for secured endpoints) are replaced
 * by these, which say what the body is.
 *
 * <p>It also names what the scan cannot: a page of a list after its items, the server, and the
 * amounts' example as Samråd writes amounts.
 */
public class OpenApiContract implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM_REF = SCHEMAS + "Problem";

    /**
     * Amounts are answered with two decimals. The scan reads a number example as a double, which
     * drops the trailing zero and is written as 1.250000005E8, so the example is set here.
     */
    static final BigDecimal AMOUNT_EXAMPLE = new BigDecimal("125000000.50");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer().url("/")
                    .description("The Samråd that serves this document: paths are relative to its address"));
        }
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        namePagesForTheirItems(openAPI, components);
        describeAmounts(components);
        components.addSchema("Problem", problemSchema());
        components.addParameter("CorrelationId", OASFactory.createParameter()
                .name(CorrelationFilter.HEADER).in(Parameter.In.HEADER).required(false)
                .description("Ties the request, its answer and the events it causes together; echoed on "
                        + "every answer, generated when absent. 1 to 128 of A-Z a-z 0-9 . _ : -")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        components.addParameter("ReadAfter", OASFactory.createParameter()
                .name(WalPositions.READ_AFTER).in(Parameter.In.HEADER).required(false)
                .description("The WAL position a command's answer named (on PostgreSQL): the read is answered "
                        + "from a streaming replica only once it has replayed that write, otherwise from the primary."
                        + " Without it a read may come from a replica that lags. The answer names where it was read"
                        + " (" + WalPositions.READ_FROM + ") when a replica is configured.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .pattern(WalPositions.POSITION.pattern()).example("0/16B3748")));
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

    /**
     * The scan names {@code Page<T>} after T's class, and the items of several lists are records
     * of the same simple name ({@code Summary}), so it would number them: PageSummary1. A page
     * is named for the schema of its items instead: AgreementSummaryPage.
     */
    private static void namePagesForTheirItems(OpenAPI openAPI, Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        Map<String, String> renamed = new HashMap<>();
        components.getSchemas().forEach((name, schema) -> {
            Schema items = schema.getProperties() == null ? null : schema.getProperties().get("items");
            if (name.startsWith(Page.class.getSimpleName()) && items != null && items.getItems() != null
                    && items.getItems().getRef() != null && items.getItems().getRef().startsWith(SCHEMAS)) {
                renamed.put(name, items.getItems().getRef().substring(SCHEMAS.length()) + Page.class.getSimpleName());
            }
        });
        renamed.forEach((from, to) -> {
            Schema page = components.getSchemas().get(from);
            components.removeSchema(from);
            components.addSchema(to, page);
        });
        Map<String, String> refs = new HashMap<>();
        renamed.forEach((from, to) -> refs.put(SCHEMAS + from, SCHEMAS + to));
        components.getSchemas().values().forEach(schema -> rewriteRefs(schema, refs));
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
                if (operation.getRequestBody() != null) {
                    rewriteRefs(operation.getRequestBody().getContent(), refs);
                }
                if (operation.getResponses() != null) {
                    operation.getResponses().getAPIResponses().values()
                            .forEach(response -> rewriteRefs(response.getContent(), refs));
                }
            }));
        }
    }

    private static void rewriteRefs(Content content, Map<String, String> refs) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(media -> rewriteRefs(media.getSchema(), refs));
        }
    }

    private static void rewriteRefs(Schema schema, Map<String, String> refs) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && refs.containsKey(schema.getRef())) {
            schema.setRef(refs.get(schema.getRef()));
        }
        rewriteRefs(schema.getItems(), refs);
        rewriteRefs(schema.getAdditionalPropertiesSchema(), refs);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> rewriteRefs(property, refs));
        }
        for (List<Schema> composed : List.of(nullToEmpty(schema.getAllOf()), nullToEmpty(schema.getAnyOf()),
                nullToEmpty(schema.getOneOf()))) {
            composed.forEach(part -> rewriteRefs(part, refs));
        }
    }

    private static List<Schema> nullToEmpty(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }

    /** Every amount in the API is {@code amountNok}, in requests and answers alike. */
    private static void describeAmounts(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        components.getSchemas().values().forEach(schema -> {
            Schema amount = schema.getProperties() == null ? null : schema.getProperties().get("amountNok");
            if (amount != null) {
                amount.setExamples(List.of(AMOUNT_EXAMPLE));
                if (amount.getDescription() == null) {
                    amount.setDescription("NOK, written with two decimals");
                }
            }
        });
    }

    private void describe(String path, PathItem item) {
        boolean onRecord = path.contains("{");
        item.getOperations().forEach((method, operation) -> {
            operation.addParameter(OASFactory.createParameter().ref("CorrelationId"));
            if (method == PathItem.HttpMethod.GET) {
                operation.addParameter(OASFactory.createParameter().ref("ReadAfter"));
            }
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("400", "The request is malformed or a value is invalid (INVALID_REQUEST, MALFORMED_JSON, ...)");
            errors.put("401", "No valid bearer token (UNAUTHENTICATED)");
            errors.put("403", "The token lacks the scope, or its party is not entitled to the record "
                    + "(FORBIDDEN, NOT_ENTITLED)");
            if (onRecord) {
                errors.put("404", "No record with that id (NOT_FOUND)");
            }
            errors.put("406", "Accept names none of the media types this operation answers with; detail names "
                    + "those it does (NOT_ACCEPTABLE)");
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
