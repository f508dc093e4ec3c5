package no.samrad.infrastructure;

import static no.samrad.support.Agreements.PATH;
import static no.samrad.support.Agreements.enter;
import static no.samrad.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import no.samrad.agreement.query.AgreementProjection;
import no.samrad.infrastructure.axon.ReadModels;
import no.samrad.infrastructure.startup.EarlierReadModels;
import no.samrad.support.Rebuilds;
import no.samrad.support.Store;
import org.junit.jupiter.api.Test;

/**
 * A store of the release that kept its read models after the commit: a model that still has
 * tokens may lack events, so at start it is rebuilt once and its tokens go; a model without
 * tokens is left alone.
 */
@QuarkusTest
class EarlierReadModelsTest {

    @Inject
    EarlierReadModels earlier;
    @Inject
    ReadModels readModels;
    @Inject
    Store store;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aModelWithTokensOfTheEarlierReleaseIsRebuiltOnceAndItsTokensGo() throws SQLException {
        String id = enter("Avtale fra forrige versjon av lesemodellene", List.of("HOD", "KS"),
                LocalDate.of(2024, 1, 1), LocalDate.of(2027, 1, 1));
        store.wipe(readModels.tables(AgreementProjection.PROCESSING_GROUP));
        given().when().get(PATH + "/" + id).then().statusCode(404);
        execute("INSERT INTO token_entry (processor_name, segment) VALUES ('agreements', 0)");

        earlier.run();

        given().when().get(PATH + "/" + id).then().statusCode(200);
        assertEquals(0, tokensOf("agreements"));
        store.wipe(readModels.tables(AgreementProjection.PROCESSING_GROUP));
        earlier.run();
        given().when().get(PATH + "/" + id).then().statusCode(404);
        assertEquals(1, tokensOf("event-chain"), "the published log's token is the chainer's own");
        // The other tests of this run read a whole model.
        Rebuilds.rebuild(AgreementProjection.PROCESSING_GROUP);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private long tokensOf(String processor) {
        return store.count("SELECT COUNT(*) FROM token_entry WHERE processor_name = ?", processor);
    }
}
