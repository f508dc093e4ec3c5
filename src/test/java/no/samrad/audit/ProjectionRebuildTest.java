package no.samrad.audit;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samrad.audit.chain.EventChainer;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.infrastructure.time.SamradClock;
import no.samrad.support.Api;
import no.samrad.support.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * A read model holding about ten thousand events is rebuilt while it is being read: every read
 * during the rebuild answers with the complete data of before, and the list of read models shows
 * the rebuild's progress and an estimate of the time left.
 */
@QuarkusTest
class ProjectionRebuildTest {

    private static final String ADMIN = "/api/v1/admin/projections";
    /** 50 agreements give about 10,000 events; -Dsamrad.rebuild-test.agreements=503 gives about 100,000. */
    private static final int AGREEMENTS = Integer.getInteger("samrad.rebuild-test.agreements", 50);
    private static final int RENEWALS = 99;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ProjectionCatchUp catchUp;
    @Inject
    MovableClock clock;

    @Test
    void readsKeepAnsweringTheLastCompleteDataWhileTheModelIsRebuilt() throws Exception {
        List<String> ids = storeLongLivedAgreements();
        // Events stored past the commands reach a model kept inline only through a rebuild.
        rebuildAndAwait();
        String record = read(PATH + "/" + ids.get(0));
        String list = read(PATH + "?expiringIn=2200&limit=500");
        assertTrue(list.contains("\"total\":" + AGREEMENTS), list);

        Api.as(null, "samrad:admin").when().post(ADMIN + "/agreements/rebuild").then().statusCode(202);
        Api.as(null, "samrad:admin").when().post(ADMIN + "/agreements/rebuild").then().statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("REBUILD_RUNNING"));
        // A rebuild of every model would rebuild this one too.
        Api.as(null, "samrad:admin").when().post(ADMIN + "/rebuild").then().statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("REBUILD_RUNNING"));
        List<Map<String, Object>> progress = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            Map<String, Object> rebuild = Api.as(null, "samrad:admin").when().get(ADMIN).then().statusCode(200)
                    .extract().path("find { it.name == 'agreements' }.rebuild");
            assertEquals(record, read(PATH + "/" + ids.get(0)), "the record during the rebuild");
            assertEquals(list, read(PATH + "?expiringIn=2200&limit=500"), "the list during the rebuild");
            if (!"RUNNING".equals(rebuild.get("state"))) {
                assertEquals("DONE", rebuild.get("state"), String.valueOf(rebuild));
                break;
            }
            progress.add(rebuild);
            assertTrue(Instant.now().isBefore(deadline), "the rebuild ends within two minutes");
        }
        assertTrue(!progress.isEmpty(), "the rebuild was seen running");
        assertTrue(progress.stream().anyMatch(step -> ((Number) step.get("processed")).longValue() > 0
                && step.get("secondsLeft") != null), "progress and an estimate were reported: " + progress);
        assertTrue(progress.stream().allMatch(step -> ((Number) step.get("total")).longValue()
                >= (long) AGREEMENTS * (1 + 2 * RENEWALS)));

        assertEquals(record, read(PATH + "/" + ids.get(0)));
        assertEquals(list, read(PATH + "?expiringIn=2200&limit=500"));
    }

    @Test
    void commandsGoOnWhileTheModelIsRebuiltAndTheRebuiltModelHoldsThem() throws Exception {
        List<String> ids = storeLongLivedAgreements();
        rebuildAndAwait();
        Api.as(null, "samrad:admin").when().post(ADMIN + "/agreements/rebuild").then().statusCode(202);
        List<String> entered = new ArrayList<>();
        while ("RUNNING".equals(rebuildState())) {
            entered.add(no.samrad.support.Agreements.enter("Avtale inngått under gjenoppbyggingen " + entered.size(),
                    List.of("HOD", "KS"), java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2027, 1, 1)));
        }
        assertEquals("DONE", rebuildState());
        assertTrue(!entered.isEmpty(), "commands were answered while the model was rebuilt");
        for (String id : entered) {
            given().when().get(PATH + "/" + id).then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo(0));
        }
        given().when().get(PATH + "/" + ids.get(0)).then().statusCode(200);
    }

    private static String rebuildState() {
        return Api.as(null, "samrad:admin").when().get(ADMIN).then().statusCode(200)
                .extract().path("find { it.name == 'agreements' }.rebuild.state");
    }

    private static void rebuildAndAwait() {
        Api.as(null, "samrad:admin").when().post(ADMIN + "/agreements/rebuild").then().statusCode(202);
        org.awaitility.Awaitility.await("the rebuild").atMost(Duration.ofMinutes(2))
                .until(() -> !"RUNNING".equals(rebuildState()));
        assertEquals("DONE", rebuildState());
    }

    @Test
    void theListShowsReadModelsKeptInlineAndHowFarTheStoppedLogLags() {
        Map<String, Object> model = Api.as(null, "samrad:admin").when().get(ADMIN).then().statusCode(200)
                .extract().path("find { it.name == 'agreements' }");
        assertEquals("INLINE", model.get("kept"), String.valueOf(model));
        assertEquals(0, ((Number) model.get("lagEvents")).intValue(), String.valueOf(model));
        var chainer = catchUp.processor(EventChainer.PROCESSOR);
        chainer.shutDown();
        try {
            no.samrad.support.Agreements.post(PATH, no.samrad.support.Agreements.body("Avtale mens loggen står",
                    List.of("HOD", "KS"), java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2027, 1, 1)))
                    .statusCode(201);
            clock.setToday(java.time.LocalDate.now(SamradClock.OSLO).plusDays(2));
            Map<String, Object> state = Api.as(null, "samrad:admin").when().get(ADMIN).then().statusCode(200)
                    .extract().path("find { it.name == '" + EventChainer.PROCESSOR + "' }");
            assertEquals("AFTER_COMMIT", state.get("kept"), String.valueOf(state));
            assertTrue(((Number) state.get("lagEvents")).longValue() >= 1, String.valueOf(state));
            assertTrue(((Number) state.get("lagSeconds")).longValue() >= 24 * 3600,
                    "a day and more since the first event it has not seen: " + state);
            assertEquals(false, state.get("running"));
        } finally {
            clock.reset();
            chainer.start();
        }
        assertTrue(catchUp.await(EventChainer.PROCESSOR, Duration.ofSeconds(30)));
        Map<String, Object> state = Api.as(null, "samrad:admin").when().get(ADMIN).then()
                .extract().path("find { it.name == '" + EventChainer.PROCESSOR + "' }");
        assertEquals(0, ((Number) state.get("lagEvents")).intValue(), String.valueOf(state));
        assertEquals(0, ((Number) state.get("lagSeconds")).intValue(), String.valueOf(state));
    }

    private static String read(String path) {
        return given().when().get(path).then().statusCode(200).extract().asString();
    }

    /** Fifty agreements, each entered and renewed 99 times: about ten thousand events, stored in one batch. */
    private List<String> storeLongLivedAgreements() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry"
                     + " (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,"
                     + " payload_revision, payload_type, time_stamp) VALUES (?, ?, 'Agreement', ?, ?, ?, '1', ?, ?)")) {
            connection.setAutoCommit(false);
            byte[] metadata = "{\"sub\":\"samrad:rebuild-test\",\"system\":true}".getBytes(StandardCharsets.UTF_8);
            for (int agreement = 0; agreement < AGREEMENTS; agreement++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                List<String[]> events = new ArrayList<>();
                events.add(new String[] {"AgreementEntered", "{\"agreementId\":\"" + id + "\",\"title\":\"Langvarig avtale "
                        + agreement + "\",\"category\":\"WELFARE_SERVICES\",\"parties\":[\"HOD\",\"KS\"],"
                        + "\"enteredOn\":\"2100-01-01\",\"expiresOn\":\"2101-01-01\",\"firstEnteredYear\":2100}"});
                for (int renewal = 1; renewal <= RENEWALS; renewal++) {
                    events.add(new String[] {"AgreementRenegotiationStarted", "{\"agreementId\":\"" + id
                            + "\",\"startedOn\":\"" + (2100 + renewal) + "-01-01\"}"});
                    events.add(new String[] {"AgreementRenewed", "{\"agreementId\":\"" + id
                            + "\",\"parties\":[\"HOD\",\"KS\"],\"enteredOn\":\"" + (2100 + renewal) + "-01-01\","
                            + "\"expiresOn\":\"" + (2101 + renewal) + "-01-01\"}"});
                }
                for (int sequence = 0; sequence < events.size(); sequence++) {
                    insert.setString(1, id);
                    insert.setLong(2, sequence);
                    insert.setString(3, UUID.randomUUID().toString());
                    insert.setBytes(4, metadata);
                    insert.setBytes(5, events.get(sequence)[1].getBytes(StandardCharsets.UTF_8));
                    insert.setString(6, "no.samrad.agreement.api." + events.get(sequence)[0]);
                    insert.setString(7, Instant.now().toString());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
        return ids;
    }
}
