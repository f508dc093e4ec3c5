package no.samrad.party;

import static no.samrad.support.Rejections.rejectedWith;

import java.time.LocalDate;
import java.util.List;
import no.samrad.party.api.AbolishParty;
import no.samrad.party.api.EstablishParty;
import no.samrad.party.api.MergeParties;
import no.samrad.party.api.MoveTasks;
import no.samrad.party.api.PartiesMerged;
import no.samrad.party.api.PartyAbolished;
import no.samrad.party.api.PartyErrors;
import no.samrad.party.api.PartyEstablished;
import no.samrad.party.api.PartyKind;
import no.samrad.party.api.PartyRenamed;
import no.samrad.party.api.PartySplit;
import no.samrad.party.api.RecordRegisterHistory;
import no.samrad.party.api.RegisterEvent;
import no.samrad.party.api.RenameParty;
import no.samrad.party.api.SplitParty;
import no.samrad.party.api.SuccessorPart;
import no.samrad.party.api.TasksMoved;
import no.samrad.party.command.Register;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RegisterTest {

    private static final String ID = RegisterEvent.REGISTER_ID;
    private static final String SOURCE = "Kongelig resolusjon";
    private static final LocalDate Y2002 = LocalDate.of(2002, 1, 1);
    private static final PartyEstablished KS = new PartyEstablished(ID, "KS", "KS", PartyKind.MUNICIPAL_SECTOR,
            "KS", null, "971032146", null, SOURCE);
    private static final PartyEstablished SHD = ministry("SHD", "Sosial- og helsedepartementet",
            LocalDate.of(1993, 11, 8));
    private static final PartyEstablished BFD = ministry("BFD", "Barne- og familiedepartementet",
            LocalDate.of(1991, 1, 1));

    private AggregateTestFixture<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Register.class);
    }

    private static PartyEstablished ministry(String code, String name, LocalDate on) {
        return new PartyEstablished(ID, code, code, PartyKind.MINISTRY, name, null, null, on, SOURCE);
    }

    private static SuccessorPart newPart(String code, String name, List<String> records, boolean remaining) {
        return new SuccessorPart(null, code, name, null, null, null, records, remaining);
    }

    @Nested
    class History {

        @Test
        void opensTheRegisterWithEachChangeJudgedAfterTheOnesBefore() {
            fixture.givenNoPriorActivity()
                    .when(new RecordRegisterHistory(ID, List.of(
                            new EstablishParty(null, "BFD", PartyKind.MINISTRY, "Barne- og familiedepartementet",
                                    null, "972417793", LocalDate.of(1991, 1, 1), SOURCE),
                            new RenameParty(null, "BFD", LocalDate.of(2006, 1, 1),
                                    "Barne- og likestillingsdepartementet", null, "BLD", null, SOURCE),
                            new RenameParty(null, "BLD", LocalDate.of(2019, 1, 22), "Barne- og familiedepartementet",
                                    null, "BFD", null, SOURCE))))
                    .expectEvents(
                            new PartyEstablished(ID, "BFD", "BFD", PartyKind.MINISTRY, "Barne- og familiedepartementet",
                                    null, "972417793", LocalDate.of(1991, 1, 1), SOURCE),
                            new PartyRenamed(ID, "BFD", LocalDate.of(2006, 1, 1), "Barne- og likestillingsdepartementet",
                                    null, "BLD", "BLD", "972417793", SOURCE),
                            new PartyRenamed(ID, "BLD", LocalDate.of(2019, 1, 22), "Barne- og familiedepartementet",
                                    null, "BFD-2019", "BFD", "972417793", SOURCE));
        }

        @Test
        void isRecordedOnce() {
            fixture.given(KS)
                    .when(new RecordRegisterHistory(ID, List.of(new EstablishParty(null, "FIN", PartyKind.MINISTRY,
                            "Finansdepartementet", null, null, null, SOURCE))))
                    .expectNoEvents()
                    .expectException(rejectedWith(PartyErrors.REORGANISATION_INVALID, null));
        }

        @Test
        void refusesAnEmptyHistory() {
            fixture.givenNoPriorActivity()
                    .when(new RecordRegisterHistory(ID, List.of()))
                    .expectException(rejectedWith(PartyErrors.PARTY_FIELD_REQUIRED, "changes"));
        }
    }

    @Nested
    class Establish {

        @Test
        void givesANewCodeItsCodeAsKey() {
            fixture.given(KS)
                    .when(new EstablishParty(ID, "DFD", PartyKind.MINISTRY, " Digitaliserings- og forvaltningsdepartementet ",
                            "", "932384469", LocalDate.of(2024, 1, 1), SOURCE))
                    .expectEvents(new PartyEstablished(ID, "DFD", "DFD", PartyKind.MINISTRY,
                            "Digitaliserings- og forvaltningsdepartementet", null, "932384469", LocalDate.of(2024, 1, 1),
                            SOURCE));
        }

        @Test
        void givesACodeTakenUpAgainTheYearAsWell() {
            fixture.given(KS, BFD, new PartyRenamed(ID, "BFD", LocalDate.of(2006, 1, 1), "Barne- og"
                            + " likestillingsdepartementet", null, "BLD", "BLD", null, SOURCE))
                    .when(new EstablishParty(ID, "BFD", PartyKind.MINISTRY, "Et nytt departement", null, null,
                            LocalDate.of(2030, 1, 1), SOURCE))
                    .expectEvents(new PartyEstablished(ID, "BFD-2030", "BFD", PartyKind.MINISTRY,
                            "Et nytt departement", null, null, LocalDate.of(2030, 1, 1), SOURCE));
        }

        @Test
        void refusesACodeAnotherPartyCarries() {
            fixture.given(KS, BFD)
                    .when(new EstablishParty(ID, "BFD", PartyKind.MINISTRY, "Dobbelt", null, null,
                            LocalDate.of(2000, 1, 1), SOURCE))
                    .expectNoEvents()
                    .expectException(rejectedWith(PartyErrors.PARTY_CODE_IN_USE, "code"));
        }

        @Test
        void refusesACodeNotWrittenAsTheSourcesWriteCodes() {
            fixture.given(KS)
                    .when(new EstablishParty(ID, "bfd ", PartyKind.MINISTRY, "Navn", null, null, null, SOURCE))
                    .expectException(rejectedWith(PartyErrors.PARTY_CODE_INVALID, "code"));
        }

        @Test
        void refusesAnOrganisationNumberWithAWrongControlDigit() {
            fixture.given(KS)
                    .when(new EstablishParty(ID, "DFD", PartyKind.MINISTRY, "Navn", null, "932384468", null, SOURCE))
                    .expectException(rejectedWith(PartyErrors.ORGANISATION_NUMBER_INVALID, "orgNo"));
        }

        @Test
        void refusesAChangeWithoutItsSource() {
            fixture.given(KS)
                    .when(new EstablishParty(ID, "DFD", PartyKind.MINISTRY, "Navn", null, null, null, " "))
                    .expectException(rejectedWith(PartyErrors.PARTY_FIELD_REQUIRED, "source"));
        }

        @Test
        void refusesAPartyWithoutKindOrName() {
            fixture.given(KS)
                    .when(new EstablishParty(ID, "DFD", null, "Navn", null, null, null, SOURCE))
                    .expectException(rejectedWith(PartyErrors.PARTY_FIELD_REQUIRED, "kind"));
            fixture.given(KS)
                    .when(new EstablishParty(ID, "DFD", PartyKind.MINISTRY, null, null, null, null, SOURCE))
                    .expectException(rejectedWith(PartyErrors.PARTY_FIELD_REQUIRED, "name"));
        }
    }

    @Nested
    class Rename {

        @Test
        void keepsTheEntryWhereTheCodeStays() {
            fixture.given(KS, SHD)
                    .when(new RenameParty(ID, "SHD", LocalDate.of(1999, 1, 1), "Nytt navn", null, "SHD", null, SOURCE))
                    .expectEvents(new PartyRenamed(ID, "SHD", LocalDate.of(1999, 1, 1), "Nytt navn", null, null, null,
                            null, SOURCE));
        }

        @Test
        void refusesARenamingOutsideThePartysPeriod() {
            fixture.given(KS, SHD)
                    .when(new RenameParty(ID, "SHD", LocalDate.of(1993, 11, 8), "Nytt navn", null, null, null, SOURCE))
                    .expectException(rejectedWith(PartyErrors.REORGANISATION_INVALID, "key"));
        }

        @Test
        void refusesAnUnknownKey() {
            fixture.given(KS)
                    .when(new RenameParty(ID, "XYZ", Y2002, "Navn", null, null, null, SOURCE))
                    .expectException(rejectedWith(PartyErrors.UNKNOWN_PARTY, "key"));
        }
    }

    @Nested
    class SplitAndMerge {

        @Test
        void splitsAPartyIntoNewPartsWithTheirRecords() {
            SuccessorPart social = newPart("SOS", "Sosialdepartementet", List.of("record-1"), true);
            SuccessorPart health = newPart("HD", "Helsedepartementet", List.of("record-2"), false);
            fixture.given(KS, SHD)
                    .when(new SplitParty(ID, "SHD", Y2002, List.of(social, health), SOURCE))
                    .expectEvents(new PartySplit(ID, "SHD", Y2002, List.of(
                            new SuccessorPart("SOS", "SOS", "Sosialdepartementet", null, null, null,
                                    List.of("record-1"), true),
                            new SuccessorPart("HD", "HD", "Helsedepartementet", null, null, null, List.of("record-2"),
                                    false)), SOURCE));
        }

        @Test
        void refusesASplitIntoOnePart() {
            fixture.given(KS, SHD)
                    .when(new SplitParty(ID, "SHD", Y2002, List.of(newPart("SOS", "S", null, false)), SOURCE))
                    .expectException(rejectedWith(PartyErrors.REORGANISATION_INVALID, "parts"));
        }

        @Test
        void refusesARecordGivenToTwoParts() {
            fixture.given(KS, SHD)
                    .when(new SplitParty(ID, "SHD", Y2002, List.of(newPart("SOS", "S", List.of("r"), false),
                            newPart("HD", "H", List.of("r"), false)), SOURCE))
                    .expectException(rejectedWith(PartyErrors.REORGANISATION_INVALID, "parts"));
        }

        @Test
        void refusesTwoPartsThatTakeTheRemainingRecords() {
            fixture.given(KS, SHD)
                    .when(new SplitParty(ID, "SHD", Y2002, List.of(newPart("SOS", "S", null, true),
                            newPart("HD", "H", null, true)), SOURCE))
                    .expectException(rejectedWith(PartyErrors.REORGANISATION_INVALID, "parts"));
        }

        @Test
        void mergesPartiesIntoANewOne() {
            SuccessorPart into = newPart("BSD", "Barne- og sosialdepartementet", null, false);
            fixture.given(KS, SHD, BFD)
                    .when(new MergeParties(ID, List.of("SHD", "BFD"), Y2002, into, SOURCE))
                    .expectEvents(new PartiesMerged(ID, List.of("SHD", "BFD"), Y2002,
                            new SuccessorPart("BSD", "BSD", "Barne- og sosialdepartementet", null, null, null,
                                    List.of(), false), SOURCE));
        }

        @Test
        void refusesAMergerOfPartiesOfTwoKinds() {
            fixture.given(KS, SHD)
                    .when(new MergeParties(ID, List.of("SHD", "KS"), Y2002, newPart("X", "X", null, false), SOURCE))
                    .expectException(rejectedWith(PartyErrors.REORGANISATION_INVALID, "keys"));
        }

        @Test
        void refusesAMergerOfOneParty() {
            fixture.given(KS, SHD)
                    .when(new MergeParties(ID, List.of("SHD", "SHD"), Y2002, newPart("X", "X", null, false), SOURCE))
                    .expectException(rejectedWith(PartyErrors.REORGANISATION_INVALID, "keys"));
        }
    }

    @Nested
    class TasksAndAbolition {

        @Test
        void movesTasksAndTheRecordsNamed() {
            fixture.given(KS, SHD, BFD)
                    .when(new MoveTasks(ID, "SHD", "BFD", Y2002, "Barnevern", List.of("record-1", "record-1"), SOURCE))
                    .expectEvents(new TasksMoved(ID, "SHD", "BFD", Y2002, "Barnevern", List.of("record-1"), SOURCE));
        }

        @Test
        void refusesMovingTasksToTheSameParty() {
            fixture.given(KS, SHD)
                    .when(new MoveTasks(ID, "SHD", "SHD", Y2002, "Barnevern", null, SOURCE))
                    .expectException(rejectedWith(PartyErrors.REORGANISATION_INVALID, "toKey"));
        }

        @Test
        void refusesMovingTasksToAPartyThatDoesNotExistThatDay() {
            fixture.given(KS, SHD, BFD)
                    .when(new MoveTasks(ID, "SHD", "BFD", LocalDate.of(1990, 6, 1), "Barnevern", null, SOURCE))
                    .expectException(rejectedWith(PartyErrors.REORGANISATION_INVALID, "toKey"));
        }

        @Test
        void abolishesAParty() {
            fixture.given(KS, SHD)
                    .when(new AbolishParty(ID, "SHD", Y2002, SOURCE))
                    .expectEvents(new PartyAbolished(ID, "SHD", Y2002, SOURCE));
        }

        @Test
        void refusesAbolishingAPartyTwice() {
            fixture.given(KS, SHD, new PartyAbolished(ID, "SHD", Y2002, SOURCE))
                    .when(new AbolishParty(ID, "SHD", LocalDate.of(2003, 1, 1), SOURCE))
                    .expectException(rejectedWith(PartyErrors.REORGANISATION_INVALID, "key"));
        }
    }
}
