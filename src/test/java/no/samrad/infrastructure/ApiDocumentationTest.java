package no.samrad.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.samrad.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md and the OpenAPI document the service serves describe the same API: every endpoint
 * under /api named in one is in the other, every status an operation declares is documented, and every status
 * a table row of docs/api.md gives its endpoint is one the operation declares.
 */
@QuarkusTest
class ApiDocumentationTest {

    private static final Pattern ENDPOINT = Pattern.compile(
            "`(GET|POST|PUT|PATCH|DELETE) (/(?:[^`?\\s{]|\\{[^}]*})*)[^`]*`");
    private static final Pattern STATUS = Pattern.compile("[`(]([1-5]\\d\\d)\\b");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Inject
    ObjectMapper mapper;

    private String documentation;
    private JsonNode served;

    @BeforeEach
    void read() throws IOException {
        documentation = Files.readString(Path.of("docs/api.md"));
        served = mapper.readTree(Api.anonymous().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().asString());
    }

    @Test
    void everyEndpointDocumentedIsServedAndEveryOneServedIsDocumented() {
        Set<String> documented = new TreeSet<>();
        Matcher endpoint = ENDPOINT.matcher(documentation);
        while (endpoint.find()) {
            documented.add(endpoint.group(1) + " " + template(endpoint.group(2)));
        }
        Set<String> operations = operations().keySet();
        Set<String> undocumented = new TreeSet<>(operations);
        undocumented.removeAll(documented);
        Set<String> notServed = new TreeSet<>(documented);
        notServed.removeAll(operations);
        assertEquals(Set.of(), undocumented, "served, but not in docs/api.md");
        assertEquals(Set.of(), notServed, "in docs/api.md, but not served");
    }

    @Test
    void everyStatusDeclaredIsDocumentedAndEveryRowsStatusIsDeclared() {
        Set<String> documentedStatuses = new TreeSet<>();
        Matcher status = STATUS.matcher(documentation);
        while (status.find()) {
            documentedStatuses.add(status.group(1));
        }
        List<String> problems = new ArrayList<>();
        operations().forEach((operation, responses) -> responses.forEach(code -> {
            if (!documentedStatuses.contains(code)) {
                problems.add(operation + " declares " + code + ", which docs/api.md does not mention");
            }
        }));
        int rows = 0;
        for (String line : documentation.split("\n")) {
            Matcher endpoint = ENDPOINT.matcher(line);
            if (!line.startsWith("| `") || !endpoint.find() || endpoint.start() != 2) {
                continue;
            }
            rows++;
            String operation = endpoint.group(1) + " " + template(endpoint.group(2));
            Set<String> declared = operations().getOrDefault(operation, Set.of());
            Matcher rowStatus = STATUS.matcher(line.substring(endpoint.end()));
            while (rowStatus.find()) {
                if (!declared.contains(rowStatus.group(1))) {
                    problems.add(operation + " is documented with " + rowStatus.group(1) + " but declares " + declared);
                }
            }
        }
        assertTrue(rows > 50, "the endpoint tables of docs/api.md were read: " + rows + " rows");
        assertEquals(List.of(), problems);
    }

    /** Every operation served, as "METHOD /path/{}/…", with the statuses it declares. */
    private Map<String, Set<String>> operations() {
        Map<String, Set<String>> operations = new TreeMap<>();
        served.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey()) && path.getKey().startsWith("/api/")) {
                Set<String> statuses = new TreeSet<>();
                method.getValue().path("responses").fieldNames().forEachRemaining(statuses::add);
                operations.put(method.getKey().toUpperCase() + " " + template(path.getKey()), statuses);
            }
        }));
        return operations;
    }

    private static String template(String path) {
        return path.replaceAll("\\{[^}]*}", "{}").replaceAll("/$", "");
    }
}
