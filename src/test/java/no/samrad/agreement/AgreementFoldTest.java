package no.samrad.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.samrad.agreement.api.AgreementCategory;
import no.samrad.agreement.api.AgreementEntered;
import no.samrad.agreement.api.AgreementExpired;
import no.samrad.agreement.api.AgreementProposed;
import no.samrad.agreement.api.AgreementRenegotiationStarted;
import no.samrad.agreement.api.AgreementRenewed;
import no.samrad.agreement.api.AgreementSuperseded;
import no.samrad.agreement.api.AgreementTermCorrected;
import no.samrad.agreement.api.AgreementTerminated;
import no.samrad.agreement.query.AgreementFold;
import no.samrad.agreement.query.AgreementView;
import org.junit.jupiter.api.Test;

/** The agreement's one fold, event type by event type, without a database. */
class AgreementFoldTest {

    private static final UUID ID = UUID.fromString("5b0c3a8e-1f2d-4e5a-9b6c-7d8e9f0a1b2c");
    private static final LocalDate ENTERED = LocalDate.of(2018, 4, 20);
    private static final LocalDate EXPIRES = LocalDate.of(2021, 12, 31);

    private static AgreementView entered() {
        return AgreementFold.apply(null, new AgreementEntered(ID, "Avtale", AgreementCategory.WELFARE_SERVICES,
                List.of("KD", "HOD", "KS"), ENTERED, EXPIRES, 2009, null, "KD"));
    }

    @Test
    void proposedGivesAProposalWithoutTerms() {
        AgreementView view = AgreementFold.apply(null, new AgreementProposed(ID, "Forslag", null, List.of("KS"), "KS",
                LocalDate.of(2021, 4, 1)));
        assertEquals("PROPOSED", view.status);
        assertEquals(List.of("KS"), view.parties);
        assertEquals(LocalDate.of(2021, 4, 1), view.proposedOn);
        assertEquals(0, view.terms.size());
        assertNull(view.category);
    }

    @Test
    void enteredGivesTheFirstTermItsPartiesAndCoordinator() {
        AgreementView view = entered();
        assertEquals("ACTIVE", view.status);
        assertEquals(2009, view.firstEnteredYear);
        assertEquals("KD", view.coordinator);
        assertEquals(1, view.terms.size());
        assertEquals(List.of("KD", "HOD", "KS"), view.terms.get(0).partyCodes());
    }

    @Test
    void enteredAfterAProposalReplacesItsParties() {
        AgreementView proposed = AgreementFold.apply(null, new AgreementProposed(ID, "Forslag", null, List.of("KS"),
                null, LocalDate.of(2018, 1, 1)));
        AgreementView view = AgreementFold.apply(proposed, new AgreementEntered(ID, "Avtale",
                AgreementCategory.WELFARE_SERVICES, List.of("KD", "KS"), ENTERED, EXPIRES, 2018,
                UUID.fromString("00000000-0000-0000-0000-000000000007"), null));
        assertSame(proposed, view);
        assertEquals(List.of("KD", "KS"), view.parties);
        assertEquals(UUID.fromString("00000000-0000-0000-0000-000000000007"), view.continues);
    }

    @Test
    void renegotiationStartedChangesTheStatusOnly() {
        AgreementView view = AgreementFold.apply(entered(), new AgreementRenegotiationStarted(ID,
                LocalDate.of(2021, 9, 1)));
        assertEquals("RENEGOTIATION", view.status);
        assertEquals(EXPIRES, view.expiresOn);
    }

    @Test
    void renewedAddsATermAndAfterALapseIsInForceAgain() {
        AgreementView lapsed = AgreementFold.apply(entered(), new AgreementExpired(ID, EXPIRES));
        assertEquals(EXPIRES, lapsed.endedOn);
        AgreementView view = AgreementFold.apply(lapsed, new AgreementRenewed(ID, List.of("HOD", "KS"),
                LocalDate.of(2022, 6, 1), LocalDate.of(2025, 12, 31), null));
        assertEquals("ACTIVE", view.status);
        assertNull(view.endedOn);
        assertNull(view.coordinator);
        assertEquals(List.of("HOD", "KS"), view.parties);
        assertEquals(2, view.terms.size());
        assertEquals(LocalDate.of(2022, 6, 1), view.enteredOn);
    }

    @Test
    void terminatedEndsTheCurrentTermEarly() {
        AgreementView view = AgreementFold.apply(entered(), new AgreementTerminated(ID, LocalDate.of(2020, 6, 30),
                "Avsluttet"));
        assertEquals("TERMINATED", view.status);
        assertEquals(LocalDate.of(2020, 6, 30), view.endedOn);
        assertEquals("Avsluttet", view.endReason);
        assertEquals(LocalDate.of(2020, 6, 30), view.terms.get(0).endedOn);
    }

    @Test
    void supersededEndsTheTermOnlyWhereItEndsBeforeItsExpiry() {
        UUID successor = UUID.fromString("00000000-0000-0000-0000-000000000009");
        AgreementView early = AgreementFold.apply(entered(), new AgreementSuperseded(ID, successor,
                LocalDate.of(2020, 6, 30)));
        assertEquals("SUPERSEDED", early.status);
        assertEquals(successor, early.supersededBy);
        assertEquals(LocalDate.of(2020, 6, 30), early.terms.get(0).endedOn);
        AgreementView afterExpiry = AgreementFold.apply(AgreementFold.apply(entered(),
                new AgreementExpired(ID, EXPIRES)), new AgreementSuperseded(ID, successor, LocalDate.of(2022, 3, 1)));
        assertEquals(EXPIRES, afterExpiry.endedOn, "an earlier end stays the last day in force");
        assertNull(afterExpiry.terms.get(0).endedOn);
    }

    @Test
    void termCorrectedMovesTheCurrentTermsDates() {
        AgreementView view = AgreementFold.apply(entered(), new AgreementTermCorrected(ID, LocalDate.of(2018, 5, 1),
                LocalDate.of(2022, 6, 30), "Feil i kilden"));
        assertEquals(LocalDate.of(2018, 5, 1), view.enteredOn);
        assertEquals(LocalDate.of(2022, 6, 30), view.terms.get(0).expiresOn);
    }

    @Test
    void expiredEndsTheAgreementOnItsLastDayInForce() {
        AgreementView view = AgreementFold.apply(entered(), new AgreementExpired(ID, EXPIRES));
        assertEquals("EXPIRED", view.status);
        assertEquals(EXPIRES, view.endedOn);
    }
}
