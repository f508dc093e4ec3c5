package no.samrad.party;

import static no.samrad.support.Rejections.rejectedWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.party.api.PartiesMerged;
import no.samrad.party.api.Party;
import no.samrad.party.api.PartyAbolished;
import no.samrad.party.api.PartyErrors;
import no.samrad.party.api.PartyEstablished;
import no.samrad.party.api.PartyKind;
import no.samrad.party.api.PartyRenamed;
import no.samrad.party.api.PartySplit;
import no.samrad.party.api.RecordedRegister;
import no.samrad.party.api.RegisterEvent;
import no.samrad.party.api.Succession;
import no.samrad.party.api.SuccessorPart;
import no.samrad.party.api.TasksMoved;
import org.junit.jupiter.api.Test;

/** The register's one fold: each event type, and the questions the rules ask of it. */
class RecordedRegisterTest {

    private static final String ID = RegisterEvent.REGISTER_ID;
    private static final String S = "source";
    private static final LocalDate Y1991 = LocalDate.of(1991, 1, 1);
    private static final LocalDate Y2002 = LocalDate.of(2002, 1, 1);
    private static final LocalDate Y2006 = LocalDate.of(2006, 1, 1);
    private static final LocalDate Y2019 = LocalDate.of(2019, 1, 22);

    private static PartyEstablished ministry(String code, LocalDate on) {
        return new PartyEstablished(ID, code, code, PartyKind.MINISTRY, code + " name", null, null, on, S);
    }

    private static SuccessorPart part(String code, List<String> records, boolean remaining) {
        return new SuccessorPart(code, code, code + " name", null, null, null, records, remaining);
    }

    /** BFD of 1991, renamed BLD in 2006 and BFD again in 2019: one body, two parties with the code BFD. */
    private static RecordedRegister childrensMinistry() {
        return RecordedRegister.of(List.of(
                new PartyEstablished(ID, "KS", "KS", PartyKind.MUNICIPAL_SECTOR, "KS", null, null, null, S),
                ministry("BFD", Y1991),
                new PartyRenamed(ID, "BFD", Y2006, "BLD name", null, "BLD", "BLD", "972417793", S),
                new PartyRenamed(ID, "BLD", LocalDate.of(2010, 1, 1), "BLD second name", null, null, null, null, S),
                new PartyRenamed(ID, "BLD", Y2019, "BFD name", null, "BFD-2019", "BFD", "972417793", S)));
    }

    @Test
    void establishedGivesAPartyItsPeriodFromItsDay() {
        Party party = RecordedRegister.of(List.of(ministry("SHD", LocalDate.of(1993, 11, 8)))).byKey("SHD")
                .orElseThrow();
        assertEquals(LocalDate.of(1993, 11, 8), party.validFrom());
        assertEquals(null, party.validTo());
        assertEquals(List.of(S), party.sources());
    }

    @Test
    void aCodeThatMeantTwoPartiesIsResolvedByDate() {
        RecordedRegister register = childrensMinistry();
        assertEquals("BFD", register.resolve("BFD", LocalDate.of(2000, 10, 16)).orElseThrow().key());
        assertEquals("BFD-2019", register.resolve("BFD", LocalDate.of(2020, 6, 1)).orElseThrow().key());
        assertTrue(register.resolve("BFD", LocalDate.of(2010, 6, 1)).isEmpty());
        assertEquals("BFD-2019", register.find("BFD").orElseThrow().key());
    }

    @Test
    void aRenamingUnderTheSameCodeKeepsTheOldNameAsAFormerName() {
        Party bld = childrensMinistry().byKey("BLD").orElseThrow();
        assertEquals("BLD second name", bld.name());
        assertEquals("BLD name", bld.nameOn(LocalDate.of(2008, 1, 1)));
        assertEquals(LocalDate.of(2009, 12, 31), bld.formerNames().get(0).validTo());
        assertEquals(LocalDate.of(2019, 1, 21), bld.validTo());
        assertEquals("BFD", bld.successor());
    }

    @Test
    void aRenamedPartyActsForItsPredecessorsRecords() {
        RecordedRegister register = childrensMinistry();
        assertTrue(register.actsFor("BFD", "any", "BFD", LocalDate.of(1995, 1, 1)));
        assertTrue(register.actsFor("BFD", "any", "BLD", LocalDate.of(2015, 1, 1)));
        assertFalse(register.actsFor("BLD", "any", "BFD", LocalDate.of(2020, 1, 1)),
                "a predecessor does not act for its successor's records");
    }

    @Test
    void validRequiresThePartyThatCarriedTheCodeThatDay() {
        RecordedRegister register = childrensMinistry();
        assertThat(register.requireValid(List.of("BFD", "KS"), LocalDate.of(2003, 3, 1), "parties").stream()
                .map(Party::key).toList(), contains("BFD", "KS"));
        DomainException refused = assertThrows(DomainException.class,
                () -> register.requireValid(List.of("BFD"), LocalDate.of(2010, 3, 1), "parties"));
        assertThat(refused, rejectedWith(PartyErrors.PARTY_NOT_VALID_ON_DATE, "parties"));
        assertThat(assertThrows(DomainException.class,
                        () -> register.requireValid(List.of("XYZ"), LocalDate.of(2010, 3, 1), "parties")),
                rejectedWith(PartyErrors.UNKNOWN_PARTY, "parties"));
    }

    @Test
    void aSplitHandsEachPartTheRecordsGivenToItAndTheRemainderToOne() {
        RecordedRegister register = RecordedRegister.of(List.of(ministry("SHD", LocalDate.of(1993, 11, 8)),
                new PartySplit(ID, "SHD", Y2002, List.of(part("SOS", List.of(), true),
                        part("HD", List.of("hospital-agreement"), false)), S)));
        LocalDate recordDay = LocalDate.of(1999, 5, 1);
        assertTrue(register.actsFor("HD", "hospital-agreement", "SHD", recordDay));
        assertFalse(register.actsFor("SOS", "hospital-agreement", "SHD", recordDay));
        assertTrue(register.actsFor("SOS", "social-agreement", "SHD", recordDay));
        assertFalse(register.actsFor("HD", "social-agreement", "SHD", recordDay));
        Party shd = register.byKey("SHD").orElseThrow();
        assertEquals(LocalDate.of(2001, 12, 31), shd.validTo());
        assertEquals(null, shd.successor(), "a split has no single successor");
        assertThat(shd.successors().stream().map(Succession::key).toList(), contains("SOS", "HD"));
    }

    @Test
    void aMergedPartyActsForAllRecordsOfEveryPartyMerged() {
        RecordedRegister register = RecordedRegister.of(List.of(ministry("NHD", LocalDate.of(1997, 1, 1)),
                ministry("FKD", LocalDate.of(2004, 10, 1)),
                new PartiesMerged(ID, List.of("NHD", "FKD"), LocalDate.of(2014, 1, 1), part("NFD", null, false), S)));
        assertTrue(register.actsFor("NFD", "a", "NHD", LocalDate.of(2010, 1, 1)));
        assertTrue(register.actsFor("NFD", "b", "FKD", LocalDate.of(2010, 1, 1)));
        assertEquals("NFD", register.byKey("FKD").orElseThrow().successor());
        assertThat(register.byKey("NFD").orElseThrow().predecessors().stream().map(Succession::change).toList(),
                contains(Succession.Kind.MERGED, Succession.Kind.MERGED));
    }

    @Test
    void movedTasksCarryOnlyTheRecordsNamed() {
        RecordedRegister register = RecordedRegister.of(List.of(ministry("KRD", LocalDate.of(1998, 1, 1)),
                ministry("AID", Y2006),
                new TasksMoved(ID, "KRD", "AID", Y2006, "Innvandring", List.of("immigration-agreement"), S)));
        assertTrue(register.actsFor("AID", "immigration-agreement", "KRD", LocalDate.of(2003, 1, 1)));
        assertFalse(register.actsFor("AID", "other-agreement", "KRD", LocalDate.of(2003, 1, 1)));
        assertEquals(null, register.byKey("KRD").orElseThrow().validTo(), "both parties continue");
    }

    @Test
    void anAbolishedPartyEndsTheDayBefore() {
        RecordedRegister register = RecordedRegister.of(List.of(ministry("PSD", LocalDate.of(1997, 1, 1)),
                new PartyAbolished(ID, "PSD", LocalDate.of(1998, 1, 1), S)));
        assertThat(register.byKey("PSD").orElseThrow().validTo(), equalTo(LocalDate.of(1997, 12, 31)));
    }
}
