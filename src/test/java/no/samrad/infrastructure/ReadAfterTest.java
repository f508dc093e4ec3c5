package no.samrad.infrastructure;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import no.samrad.infrastructure.replica.WalPositions;
import no.samrad.support.Agreements;
import no.samrad.support.Api;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The read-your-writes contract without a replica: on PostgreSQL a command's answer names its WAL
 * position, and a read that names one is answered (by the one database); a malformed one is refused.
 */
@QuarkusTest
class ReadAfterTest {

    private static final LocalDate ENTERED = LocalDate.of(2035, 1, 1);

    @Test
    void aCommandsAnswerNamesItsWalPositionOnPostgresqlAndAReadThatNamesItIsAnswered() {
        boolean onPostgres = "postgresql".equals(ConfigProvider.getConfig()
                .getValue("quarkus.datasource.db-kind", String.class));
        var created = Agreements.post(Agreements.PATH, Agreements.body("Avtale som leses etter skriving",
                        List.of("HOD", "KS"), ENTERED, ENTERED.plusYears(2))).statusCode(201)
                .header(WalPositions.READ_AFTER, onPostgres ? matchesPattern(WalPositions.POSITION) : nullValue())
                .extract();
        String position = onPostgres ? created.header(WalPositions.READ_AFTER) : "0/0";
        Api.given().header(WalPositions.READ_AFTER, position).when().get(Agreements.PATH + "/" + created.path("id"))
                .then().statusCode(200).header(WalPositions.READ_FROM, nullValue())
                .body("title", equalTo("Avtale som leses etter skriving"));
    }

    @Test
    void aReadAfterThatIsNoWalPositionIsRefusedAndChangesNothing() {
        for (String malformed : List.of("yesterday", "0/", "/16B3748", "0/16B3748/1", "G/1", "123456789/0")) {
            Api.given().header(WalPositions.READ_AFTER, malformed).when().get(Agreements.PATH).then()
                    .statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_REQUEST"));
        }
    }
}
