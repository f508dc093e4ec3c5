package no.samrad.cases;

import static no.samrad.support.Agreements.post;
import static no.samrad.support.Api.given;
import static no.samrad.support.Cases.meeting;
import static no.samrad.support.Cases.newCase;
import static no.samrad.support.Cases.report;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samrad.cases.command.Case;
import no.samrad.cases.cost.api.AssessCostEstimate;
import no.samrad.cases.cost.api.AssessmentVerdict;
import no.samrad.cases.cost.api.RecordCostEstimate;
import no.samrad.infrastructure.axon.AxonRuntime;
import no.samrad.infrastructure.axon.EventMetadata;
import no.samrad.support.MovableClock;
import no.samrad.support.Store;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A long-lived record loads from its latest snapshot and the events after it; its state must be
 * exactly what folding all of its 1,000 events from the first gives. The record is a cost case
 * whose estimates are revised and assessed again and again, so that its state grows.
 */
@QuarkusTest
class CaseSnapshotTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void realToday() {
        clock.reset();
    }

    @Inject
    CommandGateway commands;
    @Inject
    AxonRuntime axon;
    @Inject
    Store store;
    @Inject
    ObjectMapper json;

    @Test
    void aCaseOfAThousandEventsLoadsFromASnapshotAsFromItsWholeHistory() throws Exception {
        clock.setToday(LocalDate.of(2069, 12, 31));
        String meeting = meeting("2069-04");
        Map<String, Object> body = newCase("COST_CALCULATION", "Kostnadssak med tusen hendelser", List.of("KD"),
                meeting);
        body.put("reform", "Reform med mange revisjoner");
        body.put("reportedOn", "2069-01");
        String id = report(body);
        UUID caseId = UUID.fromString(id);
        UUID previous = null;
        for (int n = 2; n < 1000; n++) {
            Object command;
            if (n % 3 == 0) {
                command = new AssessCostEstimate(caseId, previous, AssessmentVerdict.DISAGREES, "Vurdering " + n,
                        LocalDate.of(2069, 2, 1), null);
            } else {
                UUID estimate = UUID.randomUUID();
                command = new RecordCostEstimate(caseId, estimate, new BigDecimal(n + ".50"), 2070, 2070 + n % 5,
                        "Grunnlag " + n, "Metode", "KD", LocalDate.of(2069, 2, 1), previous, null);
                previous = estimate;
            }
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(EventMetadata.system("snapshot-test", null)));
        }
        // Snapshots are taken on a thread of their own once the command has committed.
        Awaitility.await("snapshots were taken").atMost(Duration.ofSeconds(10)).until(() -> store.snapshotsOf(id) > 0);

        Repository<Case> snapshotted = axon.configuration().repository(Case.class);
        Repository<Case> fromTheFirstEvent = EventSourcingRepository.builder(Case.class)
                .eventStore(wholeHistory(axon.configuration().eventStore()))
                .parameterResolverFactory(axon.configuration().parameterResolverFactory())
                .build();
        State fromSnapshot = state(snapshotted, id);
        State folded = state(fromTheFirstEvent, id);
        assertEquals(999L, fromSnapshot.version());
        assertEquals(665, fromSnapshot.fields().path("costCalculation").path("estimates").size());
        assertEquals(folded.version(), fromSnapshot.version());
        assertTrue(folded.fields().equals(fromSnapshot.fields()), "the same state from the snapshot as from the"
                + " whole history");

        post(no.samrad.support.Cases.PATH + "/" + id + "/conclusion", Map.of("concludedOn", "2069-12", "outcome", "Enighet",
                "finalEstimate", previous.toString())).statusCode(200).body("status", equalTo("CONCLUDED"));
        given().when().get("/api/v1/cost-cases/" + id).then().statusCode(200)
                .body("estimates.size()", equalTo(665))
                .body("latestEstimate.id", equalTo(previous.toString()));
    }

    /** The aggregate's version and its fields, as JSON (whose objects compare regardless of order). */
    private record State(Long version, JsonNode fields) {
    }

    private State state(Repository<Case> repository, String id) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            var aggregate = repository.load(id);
            return new State(aggregate.version(), aggregate.invoke(state -> json.<JsonNode>valueToTree(state)));
        } finally {
            unitOfWork.rollback();
        }
    }

    /** The event store, except that a record's events are always read from its first, never from a snapshot. */
    private static EventStore wholeHistory(EventStore store) {
        return (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(), new Class<?>[] {EventStore.class},
                (proxy, method, args) -> {
                    try {
                        if (method.getName().equals("readEvents") && args != null && args.length == 1
                                && args[0] instanceof String recordId) {
                            return store.readEvents(recordId, 0);
                        }
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
