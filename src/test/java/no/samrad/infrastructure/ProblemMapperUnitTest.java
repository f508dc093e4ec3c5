package no.samrad.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import no.samrad.infrastructure.web.Problem;
import no.samrad.infrastructure.web.ProblemMapper;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class ProblemMapperUnitTest {

    private final ProblemMapper mapper = new ProblemMapper(null, null);
    private final UriInfo uri = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {UriInfo.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getRequestUri" -> URI.create("http://localhost/api/v1/agreements/x/renewals");
                case "getPath" -> "/api/v1/agreements/x/renewals";
                default -> throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void concurrentModificationIs409WithoutTheSqlItCarries() {
        Response response = mapper.concurrent(new ConcurrencyException(
                "INSERT INTO domain_event_entry ... duplicate key (aggregate_identifier, sequence_number)"), uri);
        Problem problem = (Problem) response.getEntity();
        assertEquals(409, response.getStatus());
        assertEquals("CONCURRENT_MODIFICATION", problem.code());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals(false, problem.detail().contains("INSERT"));
    }

    @Test
    void aDuplicateRecordIs409() {
        Response response = mapper.streamExists(new AggregateStreamCreationException("duplicate key value"), uri);
        assertEquals(409, response.getStatus());
        assertEquals("RECORD_EXISTS", ((Problem) response.getEntity()).code());
    }

    @Test
    void anUnavailableStoreIs503WithRetryAfter() {
        Response response = mapper.unavailable(new EventStoreException("connection refused"), uri);
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertEquals("SERVICE_UNAVAILABLE", ((Problem) response.getEntity()).code());
    }
}
