package no.samrad.audit.chain;

import io.agroal.api.AgroalDataSource;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import no.samrad.infrastructure.axon.RequestEvents;
import no.samrad.infrastructure.time.SamradClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signed promises of inclusion, in the manner of Certificate Transparency's signed certificate
 * timestamps: at once, with the command's answer, Samråd signs with its audit key that the
 * published log will hold the request's events by a deadline. The statement names each event by
 * its id, its record, its sequence number and the SHA-256 of its payload as stored, so that the
 * promise can be checked offline with the public key, and held against the log later.
 */
@ApplicationScoped
public class InclusionPromises {

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

    private final AgroalDataSource dataSource;
    private final AuditKeys keys;
    private final SamradClock clock;
    private final Duration deadline;

    InclusionPromises(AgroalDataSource dataSource, AuditKeys keys, SamradClock clock,
                      @ConfigProperty(name = "samrad.audit.promise-deadline") Duration deadline) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.clock = clock;
        this.deadline = deadline;
    }

    /** Signs and keeps the promise for these events of the request, as stored; empty when none is stored. */
    public Optional<Promise> promise(String requestId, List<RequestEvents.Appended> events) {
        Map<String, String> payloadHashes = storedPayloadHashes(events);
        List<RequestEvents.Appended> stored = events.stream()
                .filter(event -> payloadHashes.containsKey(event.eventId())).toList();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Instant recordedAt = clock.now().truncatedTo(ChronoUnit.MILLIS);
        Instant due = recordedAt.plus(deadline);
        StringBuilder statement = new StringBuilder("Samråd inclusion promise\n")
                .append("request: ").append(requestId).append('\n')
                .append("recorded: ").append(recordedAt).append('\n')
                .append("deadline: ").append(due).append('\n');
        for (RequestEvents.Appended event : stored) {
            statement.append("event: ").append(event.eventId()).append(' ').append(event.recordId()).append(' ')
                    .append(event.sequence()).append(' ').append(payloadHashes.get(event.eventId())).append('\n');
        }
        Promise promise = new Promise(requestId, recordedAt, due,
                stored.stream().map(RequestEvents.Appended::eventId).toList(), statement.toString(),
                keys.sign(statement.toString()));
        keep(promise);
        return Optional.of(promise);
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

    /** A promise fallen due, and when the log chained each event of its request. */
    private record Due(Instant deadline, List<String> eventIds, Map<String, Instant> chainedAt) {

        boolean kept() {
            return eventIds.stream().allMatch(eventId -> chainedAt.containsKey(eventId)
                    && !chainedAt.get(eventId).isAfter(deadline));
        }
    }

    private Map<String, String> storedPayloadHashes(List<RequestEvents.Appended> events) {
        Map<String, String> hashes = new HashMap<>();
        if (events.isEmpty()) {
            return hashes;
        }
        String marks = events.stream().map(event -> "?").collect(Collectors.joining(", "));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT event_identifier, payload"
                     + " FROM domain_event_entry WHERE event_identifier IN (" + marks + ")")) {
            for (int i = 0; i < events.size(); i++) {
                query.setString(i + 1, events.get(i).eventId());
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    hashes.put(rows.getString(1), StoredEvent.sha256(rows.getBytes(2)));
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not read the request's stored events", e);
        }
        return hashes;
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
