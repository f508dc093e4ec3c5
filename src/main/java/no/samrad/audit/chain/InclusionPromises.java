package no.samrad.audit.chain;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import no.samrad.infrastructure.axon.AxonModule;
import no.samrad.infrastructure.security.Caller;
import no.samrad.infrastructure.time.SamradClock;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signed promises of inclusion, in the manner of Certificate Transparency's signed certificate
 * timestamps: at once, with the command's answer, Samråd signs with its audit key that the
 * published log will hold the request's events by a deadline. The statement names each event by
 * its id, its record, its sequence number and the SHA-256 of its payload as stored, so that the
 * promise can be checked offline with the public key its last line names (its id in the published
 * set of audit keys), and held against the log later. The promise
 * is kept in the command's own transaction, with the events it names.
 */
@ApplicationScoped
class InclusionPromises implements AxonModule, MessageDispatchInterceptor<EventMessage<?>> {

    /** A promise of inclusion and when it falls due. */
    public record Promise(String requestId, Instant recordedAt, Instant deadline, List<String> eventIds,
                          String statement, String signature) {

        /**
         * As the {@code Samrad-Promise} header carries it: the statement's UTF-8 bytes in base64, a
         * dot, and the signature in base64, each as {@code base64 -d} reads it.
         */
        public String header() {
            return Base64.getEncoder().encodeToString(statement.getBytes(StandardCharsets.UTF_8)) + "." + signature;
        }
    }

    private static final String NOTED = InclusionPromises.class.getName() + ".events";

    private final AgroalDataSource dataSource;
    private final AuditKeys keys;
    private final SamradClock clock;
    private final Duration deadline;
    private final Caller caller;
    private final RequestPromise requestPromise;
    private final CurrentVertxRequest httpRequest;
    private volatile Serializer serializer;

    InclusionPromises(AgroalDataSource dataSource, AuditKeys keys, SamradClock clock,
                      @ConfigProperty(name = "samrad.audit.promise-deadline") Duration deadline, Caller caller,
                      RequestPromise requestPromise, CurrentVertxRequest httpRequest) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.clock = clock;
        this.deadline = deadline;
        this.caller = caller;
        this.requestPromise = requestPromise;
        this.httpRequest = httpRequest;
    }

    @Override
    public void configure(Configurer configurer) {
        configurer.onInitialize(configuration -> configuration.onStart(() -> {
            serializer = configuration.eventSerializer();
            configuration.eventStore().registerDispatchInterceptor(this);
        }));
    }

    /**
     * Notes the events a request's command publishes; as its unit of work prepares to commit, the
     * promise for them is signed and kept in its transaction, so that a promise is kept exactly when
     * its events are, and the request's answer carries it once they have committed. Commands sent by
     * Samråd itself promise nothing: no one would receive it.
     */
    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted() && answersAnHttpRequest()) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            List<DomainEventMessage<?>> noted = root.getOrComputeResource(NOTED, key -> {
                List<DomainEventMessage<?>> published = new ArrayList<>();
                root.onPrepareCommit(unitOfWork -> promise(published, unitOfWork));
                return published;
            });
            for (EventMessage<?> event : events) {
                if (event instanceof DomainEventMessage<?> domainEvent) {
                    noted.add(domainEvent);
                }
            }
        }
        return (index, event) -> event;
    }

    /**
     * Whether the command answers a client's HTTP request: the demo import at start and tests that
     * send commands directly run with a request context too, but have no one to give a promise to.
     */
    private boolean answersAnHttpRequest() {
        return Arc.container().requestContext().isActive() && httpRequest.getCurrent() != null;
    }

    private void promise(List<DomainEventMessage<?>> events, UnitOfWork<?> unitOfWork) {
        if (events.isEmpty()) {
            return;
        }
        Instant recordedAt = clock.now().truncatedTo(ChronoUnit.MILLIS);
        Instant due = recordedAt.plus(deadline);
        StringBuilder statement = new StringBuilder("Samråd inclusion promise\n")
                .append("request: ").append(caller.requestId()).append('\n')
                .append("recorded: ").append(recordedAt).append('\n')
                .append("deadline: ").append(due).append('\n');
        for (DomainEventMessage<?> event : events) {
            // The payload as the event store writes it: Axon keeps a message's serialised form.
            byte[] payload = event.serializePayload(serializer, byte[].class).getData();
            statement.append("event: ").append(event.getIdentifier()).append(' ')
                    .append(event.getAggregateIdentifier()).append(' ').append(event.getSequenceNumber()).append(' ')
                    .append(StoredEvent.sha256(payload)).append('\n');
        }
        AuditKeys.Signed signed = keys.sign(keyId -> statement + "key: " + keyId + "\n");
        Promise promise = new Promise(caller.requestId(), recordedAt, due,
                events.stream().map(DomainEventMessage::getIdentifier).toList(), signed.statement(),
                signed.signature());
        keep(promise);
        unitOfWork.afterCommit(committed -> requestPromise.set(promise));
    }

    /**
     * The promises due by {@code now} whose events the log did not hold by their deadline: an event
     * not chained at all, or chained after the deadline.
     */
    public List<String> brokenBy(Instant now) {
        Map<String, Due> due = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT p.request_id, p.deadline, p.event_ids,"
                     + " c.event_identifier, c.chained_at FROM inclusion_promise p LEFT JOIN event_chain c"
                     + " ON c.request_id = p.request_id WHERE p.deadline < ? ORDER BY p.deadline, p.request_id")) {
            query.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String requestId = rows.getString(1);
                    Due promise = due.get(requestId);
                    if (promise == null) {
                        promise = new Due(rows.getTimestamp(2).toInstant(), List.of(rows.getString(3).split(" ")),
                                new HashMap<>());
                        due.put(requestId, promise);
                    }
                    String chainedEvent = rows.getString(4);
                    if (chainedEvent != null) {
                        promise.chainedAt().put(chainedEvent, rows.getTimestamp(5).toInstant());
                    }
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the promises of inclusion", e);
        }
        return due.entrySet().stream().filter(promise -> !promise.getValue().kept()).map(Map.Entry::getKey).toList();
    }

    /** How many promises have their deadline still ahead of {@code now}. */
    public long pendingAt(Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM inclusion_promise WHERE deadline >= ?")) {
            query.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the promises of inclusion", e);
        }
    }

    /** A promise fallen due, and when the log chained each event of its request. */
    private record Due(Instant deadline, List<String> eventIds, Map<String, Instant> chainedAt) {

        boolean kept() {
            return eventIds.stream().allMatch(eventId -> chainedAt.containsKey(eventId)
                    && !chainedAt.get(eventId).isAfter(deadline));
        }
    }

    private void keep(Promise promise) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO inclusion_promise (request_id,"
                     + " recorded_at, deadline, event_ids, statement, signature) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, promise.requestId());
            insert.setTimestamp(2, Timestamp.from(promise.recordedAt()));
            insert.setTimestamp(3, Timestamp.from(promise.deadline()));
            insert.setString(4, String.join(" ", promise.eventIds()));
            insert.setString(5, promise.statement());
            insert.setString(6, promise.signature());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Could not keep the promise of inclusion", e);
        }
    }
}
