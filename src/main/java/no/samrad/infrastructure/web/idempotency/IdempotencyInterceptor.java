package no.samrad.infrastructure.web.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.instance.ServiceInstances;
import no.samrad.infrastructure.security.Caller;
import no.samrad.infrastructure.time.SamradClock;
import no.samrad.infrastructure.web.RecordAnswers;
import no.samrad.infrastructure.web.RecordRepresentation;
import org.jboss.logging.Logger;

/**
 * Makes a POST safe to retry: the first request with a given {@code Idempotency-Key} runs, and
 * every later one from the same caller (the same issuer, subject and party) with the same request
 * gets the first answer, marked {@code Idempotent-Replayed: true}, and appends nothing. The same
 * key with another request is refused (422); while the first still runs, a retry is refused (409,
 * with {@code Retry-After}). Refusals are not stored: a request that was refused may be retried
 * with the same key.
 *
 * <p>A retry always learns the truth, also when the instance that ran the first request died
 * before it answered: the command's transaction marks the reservation with the record and version
 * it wrote, so a reservation left by a request that is gone either has that mark (the answer is
 * made again from the record as it stood after those events) or has not (nothing took effect, and
 * the retry runs afresh).
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger LOG = Logger.getLogger(IdempotencyInterceptor.class);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final String API = "/api/v1/";
    private static final int ATTEMPTS = 3;
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .findAndAddModules()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final HttpServerRequest request;
    private final Caller caller;
    private final IdempotencyStore store;
    private final IdempotencyReservation reservation;
    private final RunningRequests running;
    private final ServiceInstances instances;
    private final Instance<RecordRepresentation> representations;
    private final ObjectMapper json;
    private final SamradClock clock;

    IdempotencyInterceptor(HttpServerRequest request, Caller caller, IdempotencyStore store,
                           IdempotencyReservation reservation, RunningRequests running, ServiceInstances instances,
                           Instance<RecordRepresentation> representations, ObjectMapper json, SamradClock clock) {
        this.request = request;
        this.caller = caller;
        this.store = store;
        this.reservation = reservation;
        this.running = running;
        this.instances = instances;
        this.representations = representations;
        this.json = json;
        this.clock = clock;
    }

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        String header = request.getHeader(HEADER);
        if (header == null) {
            return invocation.proceed();
        }
        if (!VALID_KEY.matcher(header).matches()) {
            throw new DomainException(CommonErrors.INVALID_REQUEST,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID.", HEADER);
        }
        IdempotencyStore.Key key = new IdempotencyStore.Key(callerIdentity(), header);
        String hash = requestHash(invocation);
        String requestId = caller.requestId();
        // Known to be running before its reservation exists, so that no retry takes it for gone.
        running.started(requestId);
        try {
            return answer(invocation, key, hash, requestId);
        } finally {
            running.ended(requestId);
        }
    }

    private Object answer(InvocationContext invocation, IdempotencyStore.Key key, String hash, String requestId)
            throws Exception {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<IdempotencyStore.Entry> found = store.find(key);
            if (found.isEmpty()) {
                if (store.reserve(key, hash, requestId, instances.self(), clock.now())) {
                    return run(invocation, key, requestId);
                }
                continue;
            }
            IdempotencyStore.Entry entry = found.get();
            if (!entry.requestHash().equals(hash)) {
                throw new DomainException(CommonErrors.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used for another request; use a new key for a new request.",
                        HEADER);
            }
            if (entry.answered()) {
                return replay(entry);
            }
            if (running.holds(entry)) {
                throw inUse();
            }
            if (entry.committed()) {
                return replay(answerAgain(key, entry));
            }
            if (store.takeOver(key, entry.requestId(), requestId, instances.self(), clock.now())) {
                LOG.infof("Idempotency-Key of request %s, which is gone and stored nothing, now runs as request %s",
                        entry.requestId(), requestId);
                return run(invocation, key, requestId);
            }
        }
        throw inUse();
    }

    private Object run(InvocationContext invocation, IdempotencyStore.Key key, String requestId) throws Exception {
        reservation.hold(key, requestId);
        boolean answered = false;
        try {
            Object result = invocation.proceed();
            if (result instanceof Response response && response.getStatus() < 300) {
                store.complete(key, requestId, response.getStatus(), header(response, "Location"),
                        header(response, "ETag"), response.hasEntity() ? json.writeValueAsString(response.getEntity())
                                : null);
                answered = true;
            }
            return result;
        } finally {
            reservation.letGo();
            if (!answered) {
                releaseQuietly(key, requestId);
            }
        }
    }

    /** Frees the key of a refused request; one whose command committed keeps it (see the store). */
    private void releaseQuietly(IdempotencyStore.Key key, String requestId) {
        try {
            store.release(key, requestId);
        } catch (RuntimeException unavailable) {
            LOG.warnf("Could not free the Idempotency-Key of request %s; a retry takes it over: %s", requestId,
                    unavailable.getMessage());
        }
    }

    /**
     * The answer of a request whose command committed but whose instance died before it answered:
     * the record it created (201, with its address) or the record its path names (200), as it
     * stood right after the request's events.
     */
    private IdempotencyStore.Entry answerAgain(IdempotencyStore.Key key, IdempotencyStore.Entry entry)
            throws JsonProcessingException {
        String[] segments = request.path().substring(API.length()).split("/");
        RecordRepresentation representation = representations.stream()
                .filter(candidate -> candidate.collection().equals(segments[0])).findFirst()
                .orElseThrow(() -> new IllegalStateException("No representation of the records at " + request.path()));
        RecordRepresentation.AnswerAgain again = representation.answerAgain(List.of(segments), entry.recordId(),
                entry.recordVersion()).orElseThrow(() -> new IllegalStateException("The record "
                + entry.recordId() + " written by request " + entry.requestId() + " has no events"));
        RecordAnswers.Versioned record = again.record();
        boolean created = again.createdAt() != null;
        int status = created ? Response.Status.CREATED.getStatusCode() : Response.Status.OK.getStatusCode();
        String location = created ? URI.create(request.absoluteURI()).resolve(API + again.createdAt()).toString()
                : null;
        String etag = "\"" + record.version() + "\"";
        String body = json.writeValueAsString(record);
        store.complete(key, entry.requestId(), status, location, etag, body);
        LOG.infof("Answered the Idempotency-Key of request %s, which committed %s version %d and is gone",
                entry.requestId(), entry.recordId(), record.version());
        return new IdempotencyStore.Entry(entry.requestHash(), status, location, etag, body, entry.requestId(),
                entry.instanceId(), entry.reservedAt(), entry.recordId(), entry.recordVersion());
    }

    private static Response replay(IdempotencyStore.Entry entry) {
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
    }

    private static DomainException inUse() {
        return new DomainException(CommonErrors.IDEMPOTENCY_KEY_IN_USE,
                "A request with this Idempotency-Key is still being processed; retry after the time Retry-After gives.",
                HEADER);
    }

    /** The caller's whole identity: who issued the token, to whom, and for which party. */
    private String callerIdentity() {
        return sha256(caller.issuer().orElse("") + "\n" + caller.subject().orElse("") + "\n"
                + caller.party().orElse(""));
    }

    private String requestHash(InvocationContext invocation) throws JsonProcessingException {
        List<Object> arguments = new ArrayList<>();
        for (Object parameter : invocation.getParameters()) {
            if (!(parameter instanceof UriInfo)) {
                arguments.add(parameter);
            }
        }
        return sha256(request.method().name() + " " + request.path() + " " + CANONICAL.writeValueAsString(arguments));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(Response response, String name) {
        Object value = response.getMetadata().getFirst(name);
        return value == null ? null : value.toString();
    }
}
