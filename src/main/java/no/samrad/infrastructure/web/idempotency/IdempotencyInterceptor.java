package no.samrad.infrastructure.web.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import no.samrad.infrastructure.error.CommonErrors;
import no.samrad.infrastructure.error.DomainException;
import no.samrad.infrastructure.security.Caller;
import no.samrad.infrastructure.time.SamradClock;

/**
 * Makes a POST safe to retry: the first request with a given {@code Idempotency-Key} runs, and
 * every later one from the same caller with the same request gets the first answer, marked
 * {@code Idempotent-Replayed: true}, and appends nothing. The same key with another request is
 * refused (422); while the first still runs, a retry is refused (409). Refusals are not stored:
 * a request that was refused may be retried with the same key.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .findAndAddModules()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final HttpServerRequest request;
    private final Caller caller;
    private final IdempotencyStore store;
    private final ObjectMapper json;
    private final SamradClock clock;

    IdempotencyInterceptor(HttpServerRequest request, Caller caller, IdempotencyStore store, ObjectMapper json,
                           SamradClock clock) {
        this.request = request;
        this.caller = caller;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw new DomainException(CommonErrors.INVALID_REQUEST,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID.", HEADER);
        }
        String callerId = caller.subject().orElse("anonymous");
        String hash = requestHash(invocation);
        Optional<Response> earlier = earlierAnswer(callerId, key, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (!store.reserve(callerId, key, hash, clock.now())) {
            return earlierAnswer(callerId, key, hash).orElseThrow(() -> inUse());
        }
        boolean completed = false;
        try {
            Object result = invocation.proceed();
            if (result instanceof Response response && response.getStatus() < 300) {
                store.complete(callerId, key, response.getStatus(), header(response, "Location"),
                        header(response, "ETag"), response.hasEntity() ? json.writeValueAsString(response.getEntity())
                                : null);
                completed = true;
            }
            return result;
        } finally {
            if (!completed) {
                store.release(callerId, key);
            }
        }
    }

    private Optional<Response> earlierAnswer(String callerId, String key, String hash) {
        return store.find(callerId, key).map(entry -> {
            if (!entry.requestHash().equals(hash)) {
                throw new DomainException(CommonErrors.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used for another request; use a new key for a new request.",
                        HEADER);
            }
            if (entry.status() == null) {
                throw inUse();
            }
            Response.ResponseBuilder replay = Response.status(entry.status()).header(REPLAYED, "true");
            if (entry.location() != null) {
                replay.header("Location", entry.location());
            }
            if (entry.etag() != null) {
                replay.header("ETag", entry.etag());
            }
            if (entry.body() != null) {
                replay.entity(entry.body()).type(MediaType.APPLICATION_JSON_TYPE);
            }
            return replay.build();
        });
    }

    private static DomainException inUse() {
        return new DomainException(CommonErrors.IDEMPOTENCY_KEY_IN_USE,
                "A request with this Idempotency-Key is still being processed; retry shortly.", HEADER);
    }

    private String requestHash(InvocationContext invocation) throws JsonProcessingException {
        List<Object> arguments = new ArrayList<>();
        for (Object parameter : invocation.getParameters()) {
            if (!(parameter instanceof UriInfo)) {
                arguments.add(parameter);
            }
        }
        String canonical = request.method().name() + " " + request.path() + " "
                + CANONICAL.writeValueAsString(arguments);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(Response response, String name) {
        Object value = response.getMetadata().getFirst(name);
        return value == null ? null : value.toString();
    }
}
