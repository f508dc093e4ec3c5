package no.samrad.agreement;

import static no.samrad.support.Rejections.rejectedWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samrad.agreement.api.AgreementCategory;
import no.samrad.agreement.api.AgreementEntered;
import no.samrad.agreement.api.AgreementErrors;
import no.samrad.agreement.api.AgreementExpired;
import no.samrad.agreement.api.AgreementProposed;
import no.samrad.agreement.api.AgreementRenegotiationStarted;
import no.samrad.agreement.api.AgreementRenewed;
import no.samrad.agreement.api.AgreementTermCorrected;
import no.samrad.agreement.api.AgreementTerminated;
import no.samrad.agreement.api.CorrectAgreementTerm;
import no.samrad.agreement.api.EnterAgreement;
import no.samrad.agreement.api.EnterProposedAgreement;
import no.samrad.agreement.api.ExpireAgreement;
import no.samrad.agreement.api.ProposeAgreement;
import no.samrad.agreement.api.RenewAgreement;
import no.samrad.agreement.api.StartAgreementRenegotiation;
import no.samrad.agreement.api.SupersedeAgreement;
import no.samrad.agreement.api.TerminateAgreement;
import no.samrad.agreement.command.Agreement;
import no.samrad.agreement.command.AgreementLines;
import no.samrad.agreement.command.AgreementSupersession;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.axon.EventMetadata;
import no.samrad.party.api.PartyErrors;
import no.samrad.party.command.TestEntitlements;
import no.samrad.support.FixedClock;
import no.samrad.support.TestParties;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AgreementTest {

    private static final UUID ID = UUID.fromString("4a5c0d2e-5f3b-4c59-9d7e-1f0c2b3a4d5e");
    private static final String TITLE = "Avtale om kvalitetsutvikling i barnehagen og grunnopplæringen";
    private static final LocalDate ENTERED = LocalDate.of(2018, 4, 20);
    private static final LocalDate EXPIRES = LocalDate.of(2021, 12, 31);
    private static final AgreementEntered ENTERED_EVENT = new AgreementEntered(ID, TITLE,
            AgreementCategory.WELFARE_SERVICES, List.of("KD", "KS"), ENTERED, EXPIRES, 2009, null, null);

    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
        fixture.registerParameterResolverFactory(TestEntitlements.judgedBy(TestParties.register()));
        fixture.registerInjectableResource(FixedClock.TODAY);
        fixture.registerAnnotatedCommandHandler(new AgreementSupersession(fixture.getRepository()));
        fixture.registerAnnotatedCommandHandler(new AgreementLines(fixture.getRepository()));
        fixture.registerCommandDispatchInterceptor(messages -> (index, command) ->
                command.getMetaData().containsKey(EventMetadata.PARTY) || command.getMetaData().containsKey(
                        EventMetadata.SYSTEM) ? command : command.andMetaData(Map.of(EventMetadata.PARTY, "KS")));
    }

    /** Samråd's own import of history, which names parties as the sources do. */
    private static final MetaData IMPORT = EventMetadata.system("demo-import", "c-import");

    private static Map<String, Object> actingFor(String party) {
        return Map.of(EventMetadata.PARTY, party);
    }

    @Nested
    class Entitlement {

        @Test
        void aMinistryMayNotChangeAnAgreementItIsNotPartyTo() {
            fixture.given(ENTERED_EVENT)
                    .when(new StartAgreementRenegotiation(ID, LocalDate.of(2021, 9, 1), null), actingFor("HOD"))
                    .expectNoEvents()
                    .expectException(rejectedWith(CommonErrors.NOT_ENTITLED, null));
        }

        @Test
        void aMinistryThatIsAPartyMay() {
            fixture.given(ENTERED_EVENT)
                    .when(new StartAgreementRenegotiation(ID, LocalDate.of(2021, 9, 1), null), actingFor("KD"))
                    .expectEvents(new AgreementRenegotiationStarted(ID, LocalDate.of(2021, 9, 1)));
        }

        @Test
        void aRenamedMinistryActsForItsPredecessor() {
            fixture.given(new AgreementEntered(ID, TITLE, AgreementCategory.WELFARE_SERVICES, List.of("KMD", "KS"),
                            LocalDate.of(2020, 9, 14), LocalDate.of(2022, 9, 1), 2020, null, null))
                    .when(new RenewAgreement(ID, LocalDate.of(2022, 6, 1), LocalDate.of(2025, 9, 1),
                            List.of("KDD", "KS"), null, null), actingFor("KDD"))
                    .expectEvents(new AgreementRenewed(ID, List.of("KDD", "KS"), LocalDate.of(2022, 6, 1),
                            LocalDate.of(2025, 9, 1), null));
        }

        @Test
        void aMinistryMayNotEnterAnAgreementForOthers() {
            fixture.givenNoPriorActivity()
                    .when(enter(List.of("KD", "KS"), ENTERED, EXPIRES, null), actingFor("HOD"))
                    .expectException(rejectedWith(CommonErrors.NOT_ENTITLED, null));
        }

        @Test
        void aTokenWithoutAKnownPartyMayNotAct() {
            fixture.given(ENTERED_EVENT)
                    .when(new TerminateAgreement(ID, LocalDate.of(2020, 6, 30), "Avsluttet", null), actingFor("XX"))
                    .expectException(rejectedWith(CommonErrors.NOT_ENTITLED, null));
        }

        @Test
        void samradItselfMayExpireAnyAgreement() {
            fixture.given(ENTERED_EVENT)
                    .when(new ExpireAgreement(ID, LocalDate.of(2026, 11, 22)),
                            EventMetadata.system("expiry-job", "c-1"))
                    .expectEvents(new AgreementExpired(ID, EXPIRES));
        }
    }

    private static EnterAgreement enter(List<String> parties, LocalDate enteredOn, LocalDate expiresOn,
                                        Integer firstYear) {
        return new EnterAgreement(ID, TITLE, AgreementCategory.WELFARE_SERVICES, parties, enteredOn, expiresOn,
                firstYear, null, null);
    }

    @Nested
    class Propose {

        private final LocalDate on = LocalDate.of(2021, 4, 1);

        @Test
        void recordsTheProposal() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeAgreement(ID, " Samarbeidsavtale om innovasjon ", null, List.of("KMD", "KS"),
                            "KS", on))
                    .expectEvents(new AgreementProposed(ID, "Samarbeidsavtale om innovasjon", null,
                            List.of("KMD", "KS"), "KS", on));
        }

        @Test
        void needsTheMunicipalSector() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeAgreement(ID, TITLE, null, List.of("KMD"), null, on))
                    .expectNoEvents()
                    .expectException(rejectedWith(AgreementErrors.PARTIES_INCOMPLETE, "parties"));
        }

        @Test
        void needsATitle() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeAgreement(ID, "  ", null, List.of("KS"), null, on))
                    .expectException(rejectedWith(AgreementErrors.AGREEMENT_FIELD_REQUIRED, "title"));
        }

        @Test
        void needsADate() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeAgreement(ID, TITLE, null, List.of("KS"), null, null))
                    .expectException(rejectedWith(AgreementErrors.AGREEMENT_FIELD_REQUIRED, "proposedOn"));
        }

        @Test
        void refusesAnUnknownParty() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeAgreement(ID, TITLE, null, List.of("XYZ", "KS"), null, on))
                    .expectException(rejectedWith(PartyErrors.UNKNOWN_PARTY, "parties"));
        }

        @Test
        void refusesAPartyNamedTwice() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeAgreement(ID, TITLE, null, List.of("KS", "KS"), null, on))
                    .expectException(rejectedWith(PartyErrors.DUPLICATE_PARTY, "parties"));
        }

        @Test
        void theProposerIsTheCallerWhenNoneIsNamed() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeAgreement(ID, TITLE, null, List.of("KMD", "KS"), null, on), actingFor("KMD"))
                    .expectEvents(new AgreementProposed(ID, TITLE, null, List.of("KMD", "KS"), "KMD", on));
        }

        @Test
        void refusesAProposerWhoIsNotTheCaller() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeAgreement(ID, TITLE, null, List.of("HOD", "KS"), "HOD", on), actingFor("KS"))
                    .expectNoEvents()
                    .expectException(rejectedWith(CommonErrors.NOT_ENTITLED, "proposedBy"));
        }

        @Test
        void refusesAProposerOutsideTheParties() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeAgreement(ID, TITLE, null, List.of("KS"), "KMD", on), IMPORT)
                    .expectException(rejectedWith(AgreementErrors.PARTIES_INCOMPLETE, "proposedBy"));
        }

        @Test
        void refusesAProposerNotValidThatDay() {
            fixture.givenNoPriorActivity()
                    .when(new ProposeAgreement(ID, TITLE, null, List.of("KS"), "KDD", on), IMPORT)
                    .expectException(rejectedWith(PartyErrors.PARTY_NOT_VALID_ON_DATE, "proposedBy"));
        }
    }

    @Nested
    class Enter {

        @Test
        void entersANewAgreement() {
            fixture.givenNoPriorActivity()
                    .when(enter(List.of("KD", "KS"), ENTERED, EXPIRES, 2009))
                    .expectEvents(ENTERED_EVENT);
        }

        @Test
        void firstEnteredYearDefaultsToTheEntryYear() {
            fixture.givenNoPriorActivity()
                    .when(enter(List.of("KD", "KS"), ENTERED, EXPIRES, null))
                    .expectEvents(new AgreementEntered(ID, TITLE, AgreementCategory.WELFARE_SERVICES,
                            List.of("KD", "KS"), ENTERED, EXPIRES, 2018, null, null));
        }

        @Test
        void namesTheMinistryThatCoordinatesIt() {
            fixture.givenNoPriorActivity()
                    .when(new EnterAgreement(ID, TITLE, AgreementCategory.WELFARE_SERVICES, List.of("KD", "HOD", "KS"),
                            ENTERED, EXPIRES, 2009, null, "HOD"))
                    .expectEvents(new AgreementEntered(ID, TITLE, AgreementCategory.WELFARE_SERVICES,
                            List.of("KD", "HOD", "KS"), ENTERED, EXPIRES, 2009, null, "HOD"));
            fixture.givenNoPriorActivity()
                    .when(new EnterAgreement(ID, TITLE, AgreementCategory.WELFARE_SERVICES, List.of("KD", "HOD", "KS"),
                            ENTERED, EXPIRES, 2009, null, "KS"))
                    .expectException(rejectedWith(AgreementErrors.COORDINATOR_INVALID, "coordinator"));
            fixture.givenNoPriorActivity()
                    .when(new EnterAgreement(ID, TITLE, AgreementCategory.WELFARE_SERVICES, List.of("KD", "KS"),
                            ENTERED, EXPIRES, 2009, null, "HOD"))
                    .expectException(rejectedWith(AgreementErrors.COORDINATOR_INVALID, "coordinator"));
        }

        @Test
        void refusesToContinueAnAgreementThatIsNotInTheRecord() {
            fixture.givenNoPriorActivity()
                    .when(new EnterAgreement(ID, TITLE, AgreementCategory.WELFARE_SERVICES, List.of("KD", "KS"),
                            ENTERED, EXPIRES, null, UUID.fromString("00000000-0000-0000-0000-000000000001"), null))
                    .expectNoEvents()
                    .expectException(rejectedWith(AgreementErrors.CONTINUATION_INVALID, "continues"));
            fixture.givenNoPriorActivity()
                    .when(new EnterAgreement(ID, TITLE, AgreementCategory.WELFARE_SERVICES, List.of("KD", "KS"),
                            ENTERED, EXPIRES, null, ID, null))
                    .expectException(rejectedWith(AgreementErrors.CONTINUATION_INVALID, "continues"));
        }

        @Test
        void refusesAnExpiryNotAfterEntry() {
            fixture.givenNoPriorActivity()
                    .when(enter(List.of("KD", "KS"), ENTERED, ENTERED, null))
                    .expectNoEvents()
                    .expectException(rejectedWith(AgreementErrors.EXPIRY_NOT_AFTER_ENTRY, "expiresOn"));
        }

        @Test
        void refusesAFirstYearAfterTheEntry() {
            fixture.givenNoPriorActivity()
                    .when(enter(List.of("KD", "KS"), ENTERED, EXPIRES, 2019))
                    .expectException(rejectedWith(AgreementErrors.FIRST_ENTERED_AFTER_ENTRY, "firstEnteredYear"));
        }

        @Test
        void refusesAnImplausiblyEarlyFirstYear() {
            fixture.givenNoPriorActivity()
                    .when(enter(List.of("KD", "KS"), ENTERED, EXPIRES, 18))
                    .expectException(rejectedWith(AgreementErrors.FIRST_ENTERED_AFTER_ENTRY, "firstEnteredYear"));
        }

        @Test
        void needsACategory() {
            fixture.givenNoPriorActivity()
                    .when(new EnterAgreement(ID, TITLE, null, List.of("KD", "KS"), ENTERED, EXPIRES, null, null, null))
                    .expectException(rejectedWith(AgreementErrors.AGREEMENT_FIELD_REQUIRED, "category"));
        }

        @Test
        void needsDates() {
            fixture.givenNoPriorActivity()
                    .when(enter(List.of("KD", "KS"), ENTERED, null, null))
                    .expectException(rejectedWith(AgreementErrors.AGREEMENT_FIELD_REQUIRED, "expiresOn"));
        }

        @Test
        void needsAMinistry() {
            fixture.givenNoPriorActivity()
                    .when(enter(List.of("KS"), ENTERED, EXPIRES, null))
                    .expectException(rejectedWith(AgreementErrors.PARTIES_INCOMPLETE, "parties"));
        }

        @Test
        void needsTheMunicipalSector() {
            fixture.givenNoPriorActivity()
                    .when(enter(List.of("KD", "HOD"), ENTERED, EXPIRES, null))
                    .expectException(rejectedWith(AgreementErrors.PARTIES_INCOMPLETE, "parties"));
        }

        @Test
        void refusesAnUnknownParty() {
            fixture.givenNoPriorActivity()
                    .when(enter(List.of("QQ", "KS"), ENTERED, EXPIRES, null))
                    .expectException(rejectedWith(PartyErrors.UNKNOWN_PARTY, "parties"));
        }

        @Test
        void refusesAPartyNotValidOnTheEntryDate() {
            fixture.givenNoPriorActivity()
                    .when(enter(List.of("BFD", "KS"), ENTERED, EXPIRES, null))
                    .expectException(rejectedWith(PartyErrors.PARTY_NOT_VALID_ON_DATE, "parties"));
        }
    }

    @Nested
    class EnterProposed {

        private final AgreementProposed proposed = new AgreementProposed(ID, TITLE, null, List.of("KMD", "KS"),
                "KS", LocalDate.of(2021, 4, 1));

        @Test
        void keepsWhatTheProposalSaidAndAddsTheRest() {
            fixture.given(proposed)
                    .when(new EnterProposedAgreement(ID, null, AgreementCategory.ADMINISTRATIVE_INTERACTION, null,
                            LocalDate.of(2021, 9, 1), LocalDate.of(2024, 12, 31), null, null))
                    .expectEvents(new AgreementEntered(ID, TITLE, AgreementCategory.ADMINISTRATIVE_INTERACTION,
                            List.of("KMD", "KS"), LocalDate.of(2021, 9, 1), LocalDate.of(2024, 12, 31), 2021, null, null));
        }

        @Test
        void needsACategoryWhenTheProposalHadNone() {
            fixture.given(proposed)
                    .when(new EnterProposedAgreement(ID, null, null, null, LocalDate.of(2021, 9, 1),
                            LocalDate.of(2024, 12, 31), null, null))
                    .expectException(rejectedWith(AgreementErrors.AGREEMENT_FIELD_REQUIRED, "category"));
        }

        @Test
        void refusesAnAgreementAlreadyEntered() {
            fixture.given(ENTERED_EVENT)
                    .when(new EnterProposedAgreement(ID, null, null, null, ENTERED, EXPIRES, null, null))
                    .expectNoEvents()
                    .expectException(rejectedWith(AgreementErrors.AGREEMENT_STATE_CONFLICT, null));
        }

        @Test
        void refusesPartiesThatNoLongerExistOnTheEntryDate() {
            fixture.given(proposed)
                    .when(new EnterProposedAgreement(ID, null, AgreementCategory.WELFARE_SERVICES, null,
                            LocalDate.of(2022, 3, 1), LocalDate.of(2024, 12, 31), null, null))
                    .expectException(rejectedWith(PartyErrors.PARTY_NOT_VALID_ON_DATE, "parties"));
        }
    }

    @Nested
    class Renegotiate {

        @Test
        void startsRenegotiation() {
            fixture.given(ENTERED_EVENT)
                    .when(new StartAgreementRenegotiation(ID, LocalDate.of(2021, 9, 1), null))
                    .expectEvents(new AgreementRenegotiationStarted(ID, LocalDate.of(2021, 9, 1)));
        }

        @Test
        void refusesWhenAlreadyRenegotiating() {
            fixture.given(ENTERED_EVENT, new AgreementRenegotiationStarted(ID, LocalDate.of(2021, 9, 1)))
                    .when(new StartAgreementRenegotiation(ID, LocalDate.of(2021, 10, 1), null))
                    .expectException(rejectedWith(AgreementErrors.AGREEMENT_STATE_CONFLICT, null));
        }

        @Test
        void refusesADateOutsideTheTerm() {
            fixture.given(ENTERED_EVENT)
                    .when(new StartAgreementRenegotiation(ID, LocalDate.of(2022, 1, 1), null))
                    .expectException(rejectedWith(AgreementErrors.DATE_OUTSIDE_TERM, "startedOn"));
        }
    }

    @Nested
    class Renew {

        private final LocalDate newEntry = LocalDate.of(2021, 11, 15);
        private final LocalDate newExpiry = LocalDate.of(2025, 12, 31);

        @Test
        void keepsTheCurrentPartiesWhenNoneAreNamed() {
            fixture.given(ENTERED_EVENT, new AgreementRenegotiationStarted(ID, LocalDate.of(2021, 9, 1)))
                    .when(new RenewAgreement(ID, newEntry, newExpiry, null, null, null))
                    .expectEvents(new AgreementRenewed(ID, List.of("KD", "KS"), newEntry, newExpiry, null));
        }

        @Test
        void takesTheRenamedMinistryForTheNewTerm() {
            AgreementEntered underKmd = new AgreementEntered(ID, TITLE, AgreementCategory.WELFARE_SERVICES,
                    List.of("KMD", "KS"), LocalDate.of(2020, 1, 7), EXPIRES, 2018, null, null);
            fixture.given(underKmd)
                    .when(new RenewAgreement(ID, LocalDate.of(2021, 12, 31), newExpiry, null, null, null))
                    .expectEvents(new AgreementRenewed(ID, List.of("KMD", "KS"), LocalDate.of(2021, 12, 31),
                            newExpiry, null));
            fixture.given(underKmd)
                    .when(new RenewAgreement(ID, LocalDate.of(2021, 12, 31), newExpiry, List.of("KDD", "KS"), null, null))
                    .expectException(rejectedWith(PartyErrors.PARTY_NOT_VALID_ON_DATE, "parties"));
        }

        @Test
        void refusesCarriedPartiesThatNoLongerExist() {
            AgreementEntered underBld = new AgreementEntered(ID, TITLE, AgreementCategory.WELFARE_SERVICES,
                    List.of("BLD", "KS"), LocalDate.of(2018, 8, 29), LocalDate.of(2021, 12, 31), 2004, null, null);
            fixture.given(underBld)
                    .when(new RenewAgreement(ID, LocalDate.of(2021, 6, 1), newExpiry, null, null, null))
                    .expectException(rejectedWith(PartyErrors.PARTY_NOT_VALID_ON_DATE, "parties"));
            fixture.given(underBld)
                    .when(new RenewAgreement(ID, LocalDate.of(2021, 6, 1), newExpiry, List.of("BFD", "KS"), null, null))
                    .expectEvents(new AgreementRenewed(ID, List.of("BFD", "KS"), LocalDate.of(2021, 6, 1),
                            newExpiry, null));
        }

        @Test
        void renewsALapsedAgreementLeavingTheDaysBetweenOutOfForce() {
            fixture.given(ENTERED_EVENT, new AgreementExpired(ID, EXPIRES))
                    .when(new RenewAgreement(ID, LocalDate.of(2022, 6, 1), newExpiry, null, null, null))
                    .expectEvents(new AgreementRenewed(ID, List.of("KD", "KS"), LocalDate.of(2022, 6, 1), newExpiry,
                            null));
        }

        @Test
        void recordsTheLapseOfAnAgreementRenewedAfterItsTermRanOut() {
            fixture.given(ENTERED_EVENT)
                    .when(new RenewAgreement(ID, LocalDate.of(2022, 6, 1), newExpiry, null, null, null))
                    .expectEvents(new AgreementExpired(ID, EXPIRES),
                            new AgreementRenewed(ID, List.of("KD", "KS"), LocalDate.of(2022, 6, 1), newExpiry, null));
        }

        @Test
        void refusesATerminatedAgreement() {
            fixture.given(ENTERED_EVENT, new AgreementTerminated(ID, LocalDate.of(2020, 6, 30), "Avsluttet"))
                    .when(new RenewAgreement(ID, newEntry, newExpiry, null, null, null))
                    .expectException(rejectedWith(AgreementErrors.AGREEMENT_STATE_CONFLICT, null));
        }

        @Test
        void keepsTheCoordinatorWhileItIsAParty() {
            AgreementEntered coordinated = new AgreementEntered(ID, TITLE, AgreementCategory.WELFARE_SERVICES,
                    List.of("KD", "HOD", "KS"), ENTERED, EXPIRES, 2009, null, "KD");
            fixture.given(coordinated)
                    .when(new RenewAgreement(ID, newEntry, newExpiry, null, null, null))
                    .expectEvents(new AgreementRenewed(ID, List.of("KD", "HOD", "KS"), newEntry, newExpiry, "KD"));
            fixture.given(coordinated)
                    .when(new RenewAgreement(ID, newEntry, newExpiry, List.of("HOD", "KS"), null, null))
                    .expectEvents(new AgreementRenewed(ID, List.of("HOD", "KS"), newEntry, newExpiry, null));
            fixture.given(coordinated)
                    .when(new RenewAgreement(ID, newEntry, newExpiry, null, "JD", null))
                    .expectException(rejectedWith(AgreementErrors.COORDINATOR_INVALID, "coordinator"));
        }

        @Test
        void refusesATermEnteredBeforeTheCurrentOne() {
            fixture.given(ENTERED_EVENT)
                    .when(new RenewAgreement(ID, ENTERED.minusDays(1), newExpiry, null, null, null))
                    .expectException(rejectedWith(AgreementErrors.RENEWAL_TERM_INVALID, "enteredOn"));
        }

        @Test
        void takesATermThatFollowsTheCurrentOneTheNextDayWithoutALapse() {
            fixture.given(ENTERED_EVENT)
                    .when(new RenewAgreement(ID, EXPIRES.plusDays(1), newExpiry, null, null, null))
                    .expectEvents(new AgreementRenewed(ID, List.of("KD", "KS"), EXPIRES.plusDays(1), newExpiry, null));
        }

        @Test
        void refusesATermThatDoesNotExtendTheCurrentOne() {
            fixture.given(ENTERED_EVENT)
                    .when(new RenewAgreement(ID, newEntry, EXPIRES, null, null, null))
                    .expectException(rejectedWith(AgreementErrors.RENEWAL_TERM_INVALID, "expiresOn"));
        }

        @Test
        void refusesAnExpiryNotAfterTheNewEntry() {
            fixture.given(ENTERED_EVENT)
                    .when(new RenewAgreement(ID, newEntry, newEntry, null, null, null))
                    .expectException(rejectedWith(AgreementErrors.EXPIRY_NOT_AFTER_ENTRY, "expiresOn"));
        }

        @Test
        void refusesNewPartiesWithoutAMinistry() {
            fixture.given(ENTERED_EVENT)
                    .when(new RenewAgreement(ID, newEntry, newExpiry, List.of("KS"), null, null))
                    .expectException(rejectedWith(AgreementErrors.PARTIES_INCOMPLETE, "parties"));
        }
    }

    @Nested
    class Terminate {

        @Test
        void endsTheAgreementEarly() {
            fixture.given(ENTERED_EVENT)
                    .when(new TerminateAgreement(ID, LocalDate.of(2020, 6, 30), "Erstattet av lovregulering", null))
                    .expectEvents(new AgreementTerminated(ID, LocalDate.of(2020, 6, 30),
                            "Erstattet av lovregulering"));
        }

        @Test
        void needsAReason() {
            fixture.given(ENTERED_EVENT)
                    .when(new TerminateAgreement(ID, LocalDate.of(2020, 6, 30), " ", null))
                    .expectException(rejectedWith(AgreementErrors.AGREEMENT_FIELD_REQUIRED, "reason"));
        }

        @Test
        void refusesADateBeforeTheTerm() {
            fixture.given(ENTERED_EVENT)
                    .when(new TerminateAgreement(ID, ENTERED.minusDays(1), "Feil", null))
                    .expectException(rejectedWith(AgreementErrors.DATE_OUTSIDE_TERM, "terminatedOn"));
        }

        @Test
        void refusesTheExpiryDateItself() {
            fixture.given(ENTERED_EVENT)
                    .when(new TerminateAgreement(ID, EXPIRES, "Ikke tidlig", null))
                    .expectException(rejectedWith(AgreementErrors.DATE_OUTSIDE_TERM, "terminatedOn"));
        }

        @Test
        void refusesAnAgreementThatHasEnded() {
            fixture.given(ENTERED_EVENT, new AgreementTerminated(ID, LocalDate.of(2020, 6, 30), "Avsluttet"))
                    .when(new TerminateAgreement(ID, LocalDate.of(2020, 7, 30), "Igjen", null))
                    .expectException(rejectedWith(AgreementErrors.AGREEMENT_STATE_CONFLICT, null));
        }
    }

    @Nested
    class Correct {

        @Test
        void correctsTheEntryDateAndKeepsTheExpiry() {
            fixture.given(ENTERED_EVENT)
                    .when(new CorrectAgreementTerm(ID, LocalDate.of(2018, 3, 1), null, " Signert i mars ", null))
                    .expectEvents(new AgreementTermCorrected(ID, LocalDate.of(2018, 3, 1), EXPIRES, "Signert i mars"));
        }

        @Test
        void aCorrectionGivesADateAndAReasonAndKeepsTheTermWhole() {
            fixture.given(ENTERED_EVENT)
                    .when(new CorrectAgreementTerm(ID, null, null, "Ingenting", null))
                    .expectException(rejectedWith(AgreementErrors.AGREEMENT_FIELD_REQUIRED, "enteredOn"));
            fixture.given(ENTERED_EVENT)
                    .when(new CorrectAgreementTerm(ID, null, LocalDate.of(2018, 1, 1), "Utløp før inngåelse", null))
                    .expectException(rejectedWith(AgreementErrors.EXPIRY_NOT_AFTER_ENTRY, "expiresOn"));
            fixture.given(ENTERED_EVENT)
                    .when(new CorrectAgreementTerm(ID, LocalDate.of(2018, 3, 1), null, " ", null))
                    .expectException(rejectedWith(AgreementErrors.AGREEMENT_FIELD_REQUIRED, "reason"));
        }

        @Test
        void aCorrectedTermStillFollowsTheTermItRenewed() {
            AgreementRenewed renewed = new AgreementRenewed(ID, List.of("KD", "KS"), LocalDate.of(2021, 12, 1),
                    LocalDate.of(2025, 12, 31), null);
            fixture.given(ENTERED_EVENT, renewed)
                    .when(new CorrectAgreementTerm(ID, LocalDate.of(2018, 1, 1), null, "Før første periode", null))
                    .expectNoEvents()
                    .expectException(rejectedWith(AgreementErrors.TERMS_OUT_OF_ORDER, "enteredOn"));
            fixture.given(ENTERED_EVENT, renewed)
                    .when(new CorrectAgreementTerm(ID, LocalDate.of(2022, 2, 1), null, "Etter første periode", null))
                    .expectException(rejectedWith(AgreementErrors.TERMS_OUT_OF_ORDER, "enteredOn"));
            fixture.given(ENTERED_EVENT, renewed)
                    .when(new CorrectAgreementTerm(ID, null, LocalDate.of(2021, 12, 15), "Utløper før første", null))
                    .expectException(rejectedWith(AgreementErrors.TERMS_OUT_OF_ORDER, "expiresOn"));
            fixture.given(ENTERED_EVENT, renewed)
                    .when(new CorrectAgreementTerm(ID, LocalDate.of(2021, 11, 15), null, "Signert tidligere", null))
                    .expectEvents(new AgreementTermCorrected(ID, LocalDate.of(2021, 11, 15),
                            LocalDate.of(2025, 12, 31), "Signert tidligere"));
        }

        @Test
        void onlyARunningAgreementsPartiesCorrectIt() {
            fixture.given(ENTERED_EVENT, new AgreementExpired(ID, EXPIRES))
                    .when(new CorrectAgreementTerm(ID, LocalDate.of(2018, 3, 1), null, "For sent", null))
                    .expectException(rejectedWith(AgreementErrors.AGREEMENT_STATE_CONFLICT, null));
            fixture.given(ENTERED_EVENT)
                    .when(new CorrectAgreementTerm(ID, LocalDate.of(2018, 3, 1), null, "Ikke part", null),
                            actingFor("HOD"))
                    .expectException(rejectedWith(CommonErrors.NOT_ENTITLED, null));
        }
    }

    @Nested
    class Supersede {

        @Test
        void refusesToSupersedeItself() {
            fixture.given(ENTERED_EVENT)
                    .when(new SupersedeAgreement(ID, ID, LocalDate.of(2021, 6, 1), null))
                    .expectNoEvents()
                    .expectException(rejectedWith(AgreementErrors.SUCCESSOR_INVALID, "supersededBy"));
        }

        @Test
        void needsASuccessor() {
            fixture.given(ENTERED_EVENT)
                    .when(new SupersedeAgreement(ID, null, LocalDate.of(2021, 6, 1), null))
                    .expectException(rejectedWith(AgreementErrors.AGREEMENT_FIELD_REQUIRED, "supersededBy"));
        }
    }

    @Nested
    class Expire {

        @Test
        void expiresOnTheExpiryDateWhenThatHasPassed() {
            fixture.given(ENTERED_EVENT)
                    .when(new ExpireAgreement(ID, LocalDate.of(2026, 11, 22)))
                    .expectEvents(new AgreementExpired(ID, EXPIRES));
        }

        @Test
        void expiresDuringRenegotiation() {
            fixture.given(ENTERED_EVENT, new AgreementRenegotiationStarted(ID, LocalDate.of(2021, 9, 1)))
                    .when(new ExpireAgreement(ID, EXPIRES.plusDays(1)))
                    .expectEvents(new AgreementExpired(ID, EXPIRES));
        }

        @Test
        void refusesOnTheLastDayInForce() {
            fixture.given(ENTERED_EVENT)
                    .when(new ExpireAgreement(ID, EXPIRES))
                    .expectNoEvents()
                    .expectException(rejectedWith(AgreementErrors.NOT_YET_DUE, null));
        }

        @Test
        void refusesTwice() {
            fixture.given(ENTERED_EVENT, new AgreementExpired(ID, EXPIRES))
                    .when(new ExpireAgreement(ID, LocalDate.of(2026, 11, 22)))
                    .expectException(rejectedWith(AgreementErrors.AGREEMENT_STATE_CONFLICT, null));
        }

        @Test
        void refusesARenewedAgreementUntilItsNewExpiry() {
            fixture.given(ENTERED_EVENT, new AgreementRenewed(ID, List.of("KD", "KS"), LocalDate.of(2021, 12, 1),
                            LocalDate.of(2025, 12, 31), null))
                    .when(new ExpireAgreement(ID, LocalDate.of(2022, 1, 2)))
                    .expectException(rejectedWith(AgreementErrors.NOT_YET_DUE, null));
        }
    }
}
