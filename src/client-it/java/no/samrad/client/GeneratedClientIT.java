package no.samrad.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.samrad.client.api.AgreementsApi;
import no.samrad.client.api.PartiesApi;
import no.samrad.client.model.AgreementCategory;
import no.samrad.client.model.AgreementDetail;
import no.samrad.client.model.AgreementStatus;
import no.samrad.client.model.AgreementSummary;
import no.samrad.client.model.NewAgreement;
import no.samrad.client.model.Problem;
import no.samrad.client.model.RecordedEvent;
import no.samrad.client.model.Renegotiation;
import no.samrad.client.model.Renewal;
import org.junit.jupiter.api.Test;

/**
 * An integrator's day, through a client generated from the OpenAPI document Samråd serves. If the
 * document misdescribes a path, a parameter, a body or an answer, this scenario fails.
 */
class GeneratedClientIT {

    private static final String CORRELATION = "generated-client-scenario";

    private static ApiClient client(String tokenProperty) {
        String token = System.getProperty(tokenProperty);
        ApiClient client = new ApiClient();
        client.updateBaseUri(System.getProperty("samrad.client.url"));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private final ApiClient ks = client("samrad.client.token");
    private final AgreementsApi agreements = new AgreementsApi(ks);

    private static NewAgreement agreement(String title, List<String> parties) {
        return new NewAgreement().title(title).category(AgreementCategory.WELFARE_SERVICES).parties(parties)
                .enteredOn(LocalDate.of(2024, 1, 15)).expiresOn(LocalDate.of(2026, 12, 31)).firstEnteredYear(2020);
    }

    private Problem problem(ApiException e) throws Exception {
        return ks.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }

    @Test
    void anAgreementsLifeThroughTheGeneratedClient() throws Exception {
        String key = UUID.randomUUID().toString();
        NewAgreement request = agreement("Avtale om æøå via generert klient", List.of("HOD", "KS"));
        ApiResponse<AgreementDetail> created = agreements.enterAgreementWithHttpInfo(request, CORRELATION, key);
        assertEquals(201, created.getStatusCode());
        AgreementDetail agreement = created.getData();
        assertEquals(AgreementStatus.ACTIVE, agreement.getStatus());
        assertEquals("Avtale om æøå via generert klient", agreement.getTitle());

        ApiResponse<AgreementDetail> retried = agreements.enterAgreementWithHttpInfo(request, CORRELATION, key);
        assertEquals(agreement.getId(), retried.getData().getId());
        assertEquals(List.of("true"), retried.getHeaders().get("idempotent-replayed"));

        String id = agreement.getId().toString();
        // On PostgreSQL a command names its WAL position; sent back, a read never shows an older state.
        List<String> writtenAt = created.getHeaders().getOrDefault("samrad-read-after", List.of());
        ApiResponse<AgreementDetail> read = agreements.getAgreementWithHttpInfo(id, null, CORRELATION,
                writtenAt.isEmpty() ? null : writtenAt.get(0));
        assertEquals(List.of("\"0\""), read.getHeaders().get("etag"));

        AgreementDetail renegotiating = agreements.startRenegotiation(id,
                new Renegotiation().startedOn(LocalDate.of(2026, 6, 1)), "\"0\"", CORRELATION, null);
        assertEquals(AgreementStatus.RENEGOTIATION, renegotiating.getStatus());

        Renewal renewal = new Renewal().enteredOn(LocalDate.of(2026, 11, 1)).expiresOn(LocalDate.of(2029, 12, 31));
        ApiException stale = assertThrows(ApiException.class,
                () -> agreements.renewAgreement(id, renewal, "\"0\"", CORRELATION, null));
        assertEquals(412, stale.getCode());
        assertEquals("VERSION_MISMATCH", problem(stale).getCode());

        AgreementDetail renewed = agreements.renewAgreement(id, renewal, "\"1\"", CORRELATION, null);
        assertEquals(AgreementStatus.ACTIVE, renewed.getStatus());
        assertEquals(2, renewed.getTerms().size());

        List<AgreementSummary> expiring2029 = agreements.listAgreements(null, "2029", null, null, "500", null, null,
                null, CORRELATION, null).getItems();
        assertTrue(expiring2029.stream().anyMatch(item -> item.getId().equals(agreement.getId())));

        List<RecordedEvent> history = agreements.agreementHistory(id, CORRELATION, null);
        assertEquals(List.of("AgreementEntered", "AgreementRenegotiationStarted", "AgreementRenewed"),
                history.stream().map(RecordedEvent::getType).toList());
        assertEquals("generated-client", history.get(0).getMetadata().get("sub"));
        assertEquals(CORRELATION, history.get(0).getMetadata().get("correlationId"));
    }

    @Test
    void refusalsArriveAsProblemsTheClientCanRead() throws Exception {
        AgreementDetail kdAgreement = agreements.enterAgreement(agreement("Avtale mellom KD og KS", List.of("KD", "KS")),
                CORRELATION, null);
        AgreementsApi asHod = new AgreementsApi(client("samrad.client.ministry-token"));
        ApiException notEntitled = assertThrows(ApiException.class, () -> asHod.renewAgreement(
                kdAgreement.getId().toString(), new Renewal().enteredOn(LocalDate.of(2026, 1, 1))
                        .expiresOn(LocalDate.of(2030, 1, 1)), null, CORRELATION, null));
        assertEquals(403, notEntitled.getCode());
        assertEquals("NOT_ENTITLED", problem(notEntitled).getCode());

        ApiException unknownParty = assertThrows(ApiException.class, () -> agreements.enterAgreement(
                agreement("Avtale", List.of("XYZ", "KS")), CORRELATION, null));
        assertEquals(400, unknownParty.getCode());
        assertEquals("UNKNOWN_PARTY", problem(unknownParty).getCode());
        assertEquals(CORRELATION, problem(unknownParty).getCorrelationId());

        PartiesApi parties = new PartiesApi(ks);
        assertEquals("KDD", parties.getParty("KMD", null, null, CORRELATION, null).getSuccessor());
        // A code that meant two ministries: the register answers the one of the day asked about.
        assertEquals("BFD", parties.getParty("BFD", null, "2000-10-16", CORRELATION, null).getKey());
        assertEquals("BFD-2019", parties.getParty("BFD", null, "2020-10-16", CORRELATION, null).getKey());
    }
}
