package no.samrad.cases;

import static no.samrad.support.Rejections.rejectedWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samrad.cases.api.AddCaseInput;
import no.samrad.cases.api.CaseConcluded;
import no.samrad.cases.api.CaseDiscussed;
import no.samrad.cases.api.CaseErrors;
import no.samrad.cases.api.CaseInputAdded;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.CasePutOnAgenda;
import no.samrad.cases.api.CaseReported;
import no.samrad.cases.api.CaseWithdrawn;
import no.samrad.cases.api.ConcludeCase;
import no.samrad.cases.api.DiscussionOutcome;
import no.samrad.cases.api.PutCaseOnAgenda;
import no.samrad.cases.api.RecordCaseDiscussion;
import no.samrad.cases.api.ReportCase;
import no.samrad.cases.api.WithdrawCase;
import no.samrad.cases.command.Case;
import no.samrad.cases.command.CaseDesk;
import no.samrad.cases.cost.api.AssessCostEstimate;
import no.samrad.cases.cost.api.AssessmentVerdict;
import no.samrad.cases.cost.api.CostCalculationOpened;
import no.samrad.cases.cost.api.CostCaseErrors;
import no.samrad.cases.cost.api.CostCaseStatusGiven;
import no.samrad.cases.cost.api.CostEstimateAssessed;
import no.samrad.cases.cost.api.CostEstimateRecorded;
import no.samrad.cases.cost.api.GiveCostCaseStatus;
import no.samrad.cases.cost.api.RecordCostEstimate;
import no.samrad.cases.law.api.DecideLawParticipation;
import no.samrad.cases.api.LawInQuestion;
import no.samrad.cases.api.LawKind;
import no.samrad.cases.law.api.LawMilestone;
import no.samrad.cases.law.api.LawMilestoneReached;
import no.samrad.cases.law.api.LawParticipationDecided;
import no.samrad.cases.law.api.LawParticipationDecision;
import no.samrad.cases.law.api.LawParticipationErrors;
import no.samrad.cases.law.api.LawParticipationRequested;
import no.samrad.cases.law.api.RecordLawMilestone;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.PartialDate;
import no.samrad.infrastructure.axon.EventMetadata;
import no.samrad.meeting.api.MeetingStatus;
import no.samrad.party.api.PartyErrors;
import no.samrad.party.command.TestEntitlements;
import no.samrad.support.CountingCaseNumbers;
import no.samrad.support.FixedClock;
import no.samrad.support.TestMeetings;
import no.samrad.support.TestParties;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CaseTest {

    private static final UUID ID = UUID.fromString("7d1c0c2e-5b8f-4f3e-9a61-0c6b8e2f4a11");
    private static final PartialDate APRIL_2021 = PartialDate.parse("2021-04");
    private static final LocalDate APRIL_6 = LocalDate.of(2021, 4, 6);
    private static final UUID ESTIMATE = UUID.fromString("0b7f3a52-9d4e-4c1b-8f2a-6e5d4c3b2a19");
    private static final UUID REVISION = UUID.fromString("1c8e4b63-ae5f-4d2c-9a3b-7f6e5d4c3b2a");

    private AggregateTestFixture<Case> fixture;
    private TestMeetings meetings;
    private UUID meeting;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
        fixture.registerParameterResolverFactory(TestEntitlements.judgedBy(TestParties.register()));
        fixture.registerInjectableResource(FixedClock.TODAY);
        meetings = new TestMeetings();
        meeting = meetings.add(MeetingStatus.SCHEDULED, APRIL_2021);
        fixture.registerAnnotatedCommandHandler(new CaseDesk(fixture.getRepository(), meetings,
                new CountingCaseNumbers()));
        fixture.registerCommandDispatchInterceptor(messages -> (index, command) ->
                command.getMetaData().containsKey(EventMetadata.PARTY)
                        || command.getMetaData().containsKey(EventMetadata.SYSTEM) ? command
                        : command.andMetaData(Map.of(EventMetadata.PARTY, "KS")));
    }

    private static Map<String, Object> actingFor(String party) {
        return Map.of(EventMetadata.PARTY, party);
    }

    private static final Map<String, Object> SAMRAD = Map.of(EventMetadata.SYSTEM, true);

    private ReportCase report(CaseKind kind, List<String> ministries, String reform, LawInQuestion law) {
        return new ReportCase(ID, kind, "Boligpolitiske virkemidler", ministries, null, meeting, APRIL_2021, null,
                reform, law);
    }

    private CaseReported reported(CaseKind kind, List<String> ministries) {
        return new CaseReported(ID, "2021/0001", kind, "Boligpolitiske virkemidler", ministries, "KS", meeting,
                APRIL_2021, null);
    }

    private CaseReported sectorMatter() {
        return reported(CaseKind.SECTOR_MATTER, List.of("KMD"));
    }

    /** A reported cost case: its report, the opened calculation, and then {@code later}. */
    private Object[] costCase(Object... later) {
        return history(List.of(reported(CaseKind.COST_CALCULATION, List.of("BFD")),
                new CostCalculationOpened(ID, "Barnevernsreformen")), later);
    }

    /** A reported law case: its report, KS' request, and then {@code later}. */
    private Object[] lawCase(Object... later) {
        return history(List.of(reported(CaseKind.LAW_PARTICIPATION, List.of("KD")),
                new LawParticipationRequested(ID, "KS", "Ny opplæringslov", LawKind.LAW, false)), later);
    }

    private static Object[] history(List<Object> first, Object... later) {
        List<Object> events = new java.util.ArrayList<>(first);
        events.addAll(List.of(later));
        return events.toArray();
    }

    private static CostEstimateRecorded estimate(UUID id, String madeBy, UUID revises) {
        return new CostEstimateRecorded(ID, id, new BigDecimal("125000000.00"), 2022, 2025, "Antall barn", "Per tiltak",
                madeBy, APRIL_6, revises);
    }

    private static RecordCostEstimate recordEstimate(UUID id, String amount, Integer from, Integer to, String madeBy,
                                                     UUID revises) {
        return new RecordCostEstimate(ID, id, new BigDecimal(amount), from, to, "Antall barn", "Per tiltak", madeBy,
                APRIL_6, revises, null);
    }

    @Nested
    class Report {

        @Test
        void aSectorMatterGetsTheFirstNumberOfItsYear() {
            fixture.givenNoPriorActivity()
                    .when(report(CaseKind.SECTOR_MATTER, List.of("KMD"), null, null))
                    .expectEvents(sectorMatter());
        }

        @Test
        void aCrossSectorThemeMayNameNoMinistry() {
            fixture.givenNoPriorActivity()
                    .when(report(CaseKind.CROSS_SECTOR_THEME, null, null, null))
                    .expectEvents(reported(CaseKind.CROSS_SECTOR_THEME, List.of()));
        }

        @Test
        void aCostCaseOpensItsCalculation() {
            fixture.givenNoPriorActivity()
                    .when(report(CaseKind.COST_CALCULATION, List.of("BFD"), " Barnevernsreformen ", null))
                    .expectEvents(costCase());
        }

        @Test
        void aLawCaseRecordsTheRequestOfTheReporter() {
            fixture.givenNoPriorActivity()
                    .when(report(CaseKind.LAW_PARTICIPATION, List.of("KD"), null,
                            new LawInQuestion("Ny opplæringslov", LawKind.LAW, false)))
                    .expectEvents(lawCase());
        }

        @Test
        void samradImportingHistoryMayLeaveTheReporterUnknown() {
            fixture.givenNoPriorActivity()
                    .when(report(CaseKind.SECTOR_MATTER, List.of("KMD"), null, null), SAMRAD)
                    .expectEvents(new CaseReported(ID, "2021/0001", CaseKind.SECTOR_MATTER,
                            "Boligpolitiske virkemidler", List.of("KMD"), null, meeting, APRIL_2021, null));
        }

        @Test
        void aReportNeedsItsFields() {
            fixture.givenNoPriorActivity()
                    .when(new ReportCase(ID, null, "Tittel", List.of("KMD"), null, meeting, APRIL_2021, null, null,
                            null))
                    .expectException(rejectedWith(CaseErrors.CASE_FIELD_REQUIRED, "kind"));
            fixture.givenNoPriorActivity()
                    .when(new ReportCase(ID, CaseKind.SECTOR_MATTER, " ", List.of("KMD"), null, meeting, APRIL_2021,
                            null, null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_FIELD_REQUIRED, "title"));
            fixture.givenNoPriorActivity()
                    .when(new ReportCase(ID, CaseKind.SECTOR_MATTER, "Tittel", List.of("KMD"), null, null, APRIL_2021,
                            null, null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_FIELD_REQUIRED, "meeting"));
            fixture.givenNoPriorActivity()
                    .when(new ReportCase(ID, CaseKind.SECTOR_MATTER, "Tittel", List.of("KMD"), null, meeting, null,
                            null, null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_FIELD_REQUIRED, "reportedOn"));
        }

        @Test
        void everyKindButACrossSectorThemeNamesItsMinistry() {
            fixture.givenNoPriorActivity()
                    .when(report(CaseKind.SECTOR_MATTER, List.of(), null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_FIELD_REQUIRED, "ministries"));
        }

        @Test
        void theResponsiblePartiesAreKnownMinistriesOfTheDay() {
            fixture.givenNoPriorActivity()
                    .when(report(CaseKind.SECTOR_MATTER, List.of("KS"), null, null))
                    .expectException(rejectedWith(CaseErrors.RESPONSIBLE_NOT_A_MINISTRY, "ministries"));
            fixture.givenNoPriorActivity()
                    .when(report(CaseKind.SECTOR_MATTER, List.of("XYZ"), null, null))
                    .expectException(rejectedWith(PartyErrors.UNKNOWN_PARTY, "ministries"));
            fixture.givenNoPriorActivity()
                    .when(report(CaseKind.SECTOR_MATTER, List.of("KDD"), null, null))
                    .expectException(rejectedWith(PartyErrors.PARTY_NOT_VALID_ON_DATE, "ministries"));
            fixture.givenNoPriorActivity()
                    .when(report(CaseKind.SECTOR_MATTER, List.of("KMD", "KMD"), null, null))
                    .expectException(rejectedWith(PartyErrors.DUPLICATE_PARTY, "ministries"));
        }

        @Test
        void onlyACostCaseNamesAReformAndOnlyALawCaseALaw() {
            fixture.givenNoPriorActivity()
                    .when(report(CaseKind.SECTOR_MATTER, List.of("KMD"), "Reform", null))
                    .expectException(rejectedWith(CaseErrors.CASE_KIND_FIELDS, "reform"));
            fixture.givenNoPriorActivity()
                    .when(report(CaseKind.COST_CALCULATION, List.of("BFD"), null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_KIND_FIELDS, "reform"));
            fixture.givenNoPriorActivity()
                    .when(report(CaseKind.LAW_PARTICIPATION, List.of("KD"), null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_KIND_FIELDS, "law"));
            fixture.givenNoPriorActivity()
                    .when(report(CaseKind.SECTOR_MATTER, List.of("KMD"), null,
                            new LawInQuestion("Lov", LawKind.LAW, false)))
                    .expectException(rejectedWith(CaseErrors.CASE_KIND_FIELDS, "law"));
            fixture.givenNoPriorActivity()
                    .when(report(CaseKind.LAW_PARTICIPATION, List.of("KD"), null, new LawInQuestion(" ", null, false)))
                    .expectException(rejectedWith(CaseErrors.CASE_FIELD_REQUIRED, "law.title"));
        }

        @Test
        void theMeetingMustBeInTheRecordNotCancelledAndNotBeforeTheReport() {
            fixture.givenNoPriorActivity()
                    .when(new ReportCase(ID, CaseKind.SECTOR_MATTER, "Tittel", List.of("KMD"), null,
                            UUID.randomUUID(), APRIL_2021, null, null, null))
                    .expectException(rejectedWith(CaseErrors.MEETING_UNKNOWN, "meeting"));
            UUID cancelled = meetings.add(MeetingStatus.CANCELLED, APRIL_2021);
            fixture.givenNoPriorActivity()
                    .when(new ReportCase(ID, CaseKind.SECTOR_MATTER, "Tittel", List.of("KMD"), null, cancelled,
                            APRIL_2021, null, null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_MEETING_CONFLICT, "meeting"));
            fixture.givenNoPriorActivity()
                    .when(new ReportCase(ID, CaseKind.SECTOR_MATTER, "Tittel", List.of("KMD"), null, meeting,
                            PartialDate.parse("2021-05-02"), null, null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_DATE_INVALID, "reportedOn"));
        }

        @Test
        void aPartyReportsInItsOwnName() {
            fixture.givenNoPriorActivity()
                    .when(new ReportCase(ID, CaseKind.SECTOR_MATTER, "Tittel", List.of("KMD"), "KS", meeting,
                            APRIL_2021, null, null, null), actingFor("KMD"))
                    .expectException(rejectedWith(CommonErrors.NOT_ENTITLED, "reportedBy"));
            fixture.givenNoPriorActivity()
                    .when(report(CaseKind.SECTOR_MATTER, List.of("KMD"), null, null), actingFor("NOPE"))
                    .expectException(rejectedWith(CommonErrors.NOT_ENTITLED, null));
        }
    }

    @Nested
    class Inputs {

        private final UUID input = UUID.randomUUID();

        @Test
        void aPartyToTheCaseAddsItsInput() {
            fixture.given(sectorMatter())
                    .when(new AddCaseInput(ID, input, null, APRIL_6, " KS ber om ... ", meeting, null),
                            actingFor("KMD"))
                    .expectEvents(new CaseInputAdded(ID, input, "KMD", APRIL_6, "KS ber om ...", meeting));
        }

        @Test
        void anInputIsRefusedWhenItCannotBelong() {
            fixture.given(sectorMatter())
                    .when(new AddCaseInput(ID, input, null, APRIL_6, "Tekst", null, null), actingFor("HOD"))
                    .expectException(rejectedWith(CommonErrors.NOT_ENTITLED, null));
            fixture.given(sectorMatter())
                    .when(new AddCaseInput(ID, input, null, LocalDate.of(2021, 3, 31), "Tekst", null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_DATE_INVALID, "givenOn"));
            fixture.given(sectorMatter())
                    .when(new AddCaseInput(ID, input, null, APRIL_6, "Tekst", UUID.randomUUID(), null))
                    .expectException(rejectedWith(CaseErrors.MEETING_UNKNOWN, "meeting"));
            fixture.given(sectorMatter())
                    .when(new AddCaseInput(ID, input, null, APRIL_6, " ", null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_FIELD_REQUIRED, "text"));
            fixture.given(sectorMatter(), new CaseWithdrawn(ID, APRIL_6, "Trukket"))
                    .when(new AddCaseInput(ID, input, null, APRIL_6, "Tekst", null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_STATE_CONFLICT, null));
        }
    }

    @Nested
    class AgendaAndDiscussion {

        @Test
        void aCaseGoesOnAScheduledMeetingsAgendaAndIsDiscussedThere() {
            fixture.given(sectorMatter())
                    .when(new PutCaseOnAgenda(ID, meeting, null))
                    .expectEvents(new CasePutOnAgenda(ID, meeting, APRIL_2021));
            fixture.given(sectorMatter(), new CasePutOnAgenda(ID, meeting, APRIL_2021))
                    .when(new RecordCaseDiscussion(ID, meeting, DiscussionOutcome.INFORMED, " ", null))
                    .expectEvents(new CaseDiscussed(ID, meeting, DiscussionOutcome.INFORMED, null));
        }

        @Test
        void onlyAScheduledMeetingTakesTheCaseAndOnlyOnce() {
            UUID held = meetings.add(MeetingStatus.HELD, APRIL_2021);
            fixture.given(sectorMatter())
                    .when(new PutCaseOnAgenda(ID, held, null))
                    .expectException(rejectedWith(CaseErrors.CASE_MEETING_CONFLICT, "meeting"));
            fixture.given(sectorMatter(), new CasePutOnAgenda(ID, meeting, APRIL_2021))
                    .when(new PutCaseOnAgenda(ID, meeting, null))
                    .expectException(rejectedWith(CaseErrors.CASE_MEETING_CONFLICT, "meeting"));
        }

        @Test
        void aDiscussionBelongsToAMeetingWhoseAgendaHeldTheCase() {
            fixture.given(sectorMatter())
                    .when(new RecordCaseDiscussion(ID, meeting, DiscussionOutcome.DISCUSSED, null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_MEETING_CONFLICT, "meeting"));
            fixture.given(sectorMatter(), new CasePutOnAgenda(ID, meeting, APRIL_2021),
                            new CaseDiscussed(ID, meeting, DiscussionOutcome.DISCUSSED, null))
                    .when(new RecordCaseDiscussion(ID, meeting, DiscussionOutcome.DISCUSSED, null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_MEETING_CONFLICT, "meeting"));
            fixture.given(sectorMatter(), new CasePutOnAgenda(ID, meeting, APRIL_2021))
                    .when(new RecordCaseDiscussion(ID, meeting, null, null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_FIELD_REQUIRED, "outcome"));
        }
    }

    @Nested
    class Endings {

        @Test
        void aSectorMatterIsConcludedWithAnOutcome() {
            fixture.given(sectorMatter())
                    .when(new ConcludeCase(ID, PartialDate.parse("2021-06"), "Ferdigbehandlet", null, null))
                    .expectEvents(new CaseConcluded(ID, PartialDate.parse("2021-06"), "Ferdigbehandlet", null));
        }

        @Test
        void aConclusionIsRefusedWhenItDoesNotFit() {
            fixture.given(sectorMatter())
                    .when(new ConcludeCase(ID, APRIL_2021, "Ferdig", ESTIMATE, null))
                    .expectException(rejectedWith(CaseErrors.CASE_KIND_FIELDS, "finalEstimate"));
            fixture.given(sectorMatter())
                    .when(new ConcludeCase(ID, PartialDate.parse("2020"), "Ferdig", null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_DATE_INVALID, "concludedOn"));
            fixture.given(sectorMatter())
                    .when(new ConcludeCase(ID, APRIL_2021, null, null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_FIELD_REQUIRED, "outcome"));
            fixture.given(sectorMatter(), new CaseConcluded(ID, APRIL_2021, "Ferdig", null))
                    .when(new ConcludeCase(ID, APRIL_2021, "Igjen", null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_STATE_CONFLICT, null));
            fixture.given(sectorMatter())
                    .when(new ConcludeCase(ID, APRIL_2021, "Ferdig", null, null), actingFor("HOD"))
                    .expectException(rejectedWith(CommonErrors.NOT_ENTITLED, null));
        }

        @Test
        void aCostCaseIsConcludedWithItsCurrentEstimate() {
            fixture.given(costCase(estimate(ESTIMATE, "BFD", null)))
                    .when(new ConcludeCase(ID, APRIL_2021, "Ferdig", ESTIMATE, null))
                    .expectEvents(new CaseConcluded(ID, APRIL_2021, "Ferdig", ESTIMATE));
            fixture.given(costCase(estimate(ESTIMATE, "BFD", null)))
                    .when(new ConcludeCase(ID, APRIL_2021, "Ferdig", null, null))
                    .expectException(rejectedWith(CostCaseErrors.COST_FIELD_REQUIRED, "finalEstimate"));
            fixture.given(costCase(estimate(ESTIMATE, "BFD", null)))
                    .when(new ConcludeCase(ID, APRIL_2021, "Ferdig", REVISION, null))
                    .expectException(rejectedWith(CostCaseErrors.ESTIMATE_UNKNOWN, "finalEstimate"));
            fixture.given(costCase(estimate(ESTIMATE, "BFD", null), estimate(REVISION, "KS", ESTIMATE)))
                    .when(new ConcludeCase(ID, APRIL_2021, "Ferdig", ESTIMATE, null))
                    .expectException(rejectedWith(CostCaseErrors.ESTIMATE_REVISED, "finalEstimate"));
        }

        @Test
        void aLawCaseIsConcludedOnceAnswered() {
            fixture.given(lawCase())
                    .when(new ConcludeCase(ID, APRIL_2021, "Ferdig", null, null))
                    .expectException(rejectedWith(LawParticipationErrors.LAW_PARTICIPATION_STATE_CONFLICT, null));
            fixture.given(lawCase(new LawParticipationDecided(ID, LawParticipationDecision.DECLINED, "Nei",
                            APRIL_2021)))
                    .when(new ConcludeCase(ID, APRIL_2021, "Ferdig", null, null))
                    .expectEvents(new CaseConcluded(ID, APRIL_2021, "Ferdig", null));
        }

        @Test
        void aCaseIsWithdrawnWithAReason() {
            fixture.given(sectorMatter())
                    .when(new WithdrawCase(ID, APRIL_6, " Trukket ", null))
                    .expectEvents(new CaseWithdrawn(ID, APRIL_6, "Trukket"));
            fixture.given(sectorMatter())
                    .when(new WithdrawCase(ID, APRIL_6, null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_FIELD_REQUIRED, "reason"));
            fixture.given(sectorMatter())
                    .when(new WithdrawCase(ID, LocalDate.of(2021, 3, 1), "Trukket", null))
                    .expectException(rejectedWith(CaseErrors.CASE_DATE_INVALID, "withdrawnOn"));
            fixture.given(sectorMatter(), new CaseWithdrawn(ID, APRIL_6, "Trukket"))
                    .when(new WithdrawCase(ID, APRIL_6, "Igjen", null))
                    .expectException(rejectedWith(CaseErrors.CASE_STATE_CONFLICT, null));
        }
    }

    @Nested
    class CostEstimates {

        @Test
        void anEstimateIsKeptToTheOre() {
            fixture.given(costCase())
                    .when(recordEstimate(ESTIMATE, "125000000", 2022, 2025, "BFD", null), actingFor("BFD"))
                    .expectEvents(estimate(ESTIMATE, "BFD", null));
        }

        @Test
        void aRevisionNamesTheEstimateItRevises() {
            fixture.given(costCase(estimate(ESTIMATE, "BFD", null)))
                    .when(recordEstimate(REVISION, "125000000.00", 2022, 2025, null, ESTIMATE))
                    .expectEvents(estimate(REVISION, "KS", ESTIMATE));
            fixture.given(costCase(estimate(ESTIMATE, "BFD", null), estimate(REVISION, "KS", ESTIMATE)))
                    .when(recordEstimate(UUID.randomUUID(), "1", 2022, null, null, ESTIMATE))
                    .expectException(rejectedWith(CostCaseErrors.ESTIMATE_REVISED, "revises"));
            fixture.given(costCase())
                    .when(recordEstimate(REVISION, "1", 2022, null, null, ESTIMATE))
                    .expectException(rejectedWith(CostCaseErrors.ESTIMATE_UNKNOWN, "revises"));
        }

        @Test
        void anEstimateIsRefusedWhenItCannotBeRight() {
            fixture.given(costCase())
                    .when(recordEstimate(ESTIMATE, "10.005", 2022, null, null, null))
                    .expectException(rejectedWith(CostCaseErrors.AMOUNT_INVALID, "amountNok"));
            fixture.given(costCase())
                    .when(recordEstimate(ESTIMATE, "1000000000000000", 2022, null, null, null))
                    .expectException(rejectedWith(CostCaseErrors.AMOUNT_INVALID, "amountNok"));
            fixture.given(costCase())
                    .when(recordEstimate(ESTIMATE, "10", 2025, 2022, null, null))
                    .expectException(rejectedWith(CostCaseErrors.PERIOD_INVALID, "periodTo"));
            fixture.given(costCase())
                    .when(recordEstimate(ESTIMATE, "10", null, null, null, null))
                    .expectException(rejectedWith(CostCaseErrors.COST_FIELD_REQUIRED, "periodFrom"));
            fixture.given(costCase())
                    .when(recordEstimate(ESTIMATE, "10", 2022, null, null, null), actingFor("HOD"))
                    .expectException(rejectedWith(CommonErrors.NOT_ENTITLED, null));
            fixture.given(costCase())
                    .when(recordEstimate(ESTIMATE, "10", 2022, null, "KS", null), actingFor("BFD"))
                    .expectException(rejectedWith(CommonErrors.NOT_ENTITLED, "madeBy"));
            fixture.given(costCase())
                    .when(recordEstimate(ESTIMATE, "10", 2022, null, "HOD", null), SAMRAD)
                    .expectException(rejectedWith(CostCaseErrors.ESTIMATE_MAKER_INVALID, "madeBy"));
            fixture.given(sectorMatter())
                    .when(recordEstimate(ESTIMATE, "10", 2022, null, null, null))
                    .expectException(rejectedWith(CostCaseErrors.NOT_A_COST_CASE, null));
        }

        @Test
        void ksAssessesTheMinistrysCurrentEstimateOnce() {
            CostEstimateAssessed assessed = new CostEstimateAssessed(ID, ESTIMATE, AssessmentVerdict.DISAGREES,
                    "For lavt", APRIL_6);
            fixture.given(costCase(estimate(ESTIMATE, "BFD", null)))
                    .when(new AssessCostEstimate(ID, ESTIMATE, AssessmentVerdict.DISAGREES, " For lavt ", APRIL_6,
                            null))
                    .expectEvents(assessed);
            fixture.given(costCase(estimate(ESTIMATE, "BFD", null), assessed))
                    .when(new AssessCostEstimate(ID, ESTIMATE, AssessmentVerdict.AGREES, "Enig", APRIL_6, null))
                    .expectException(rejectedWith(CostCaseErrors.ASSESSMENT_NOT_POSSIBLE, null));
            fixture.given(costCase(estimate(ESTIMATE, "KS", null)))
                    .when(new AssessCostEstimate(ID, ESTIMATE, AssessmentVerdict.AGREES, "Enig", APRIL_6, null))
                    .expectException(rejectedWith(CostCaseErrors.ASSESSMENT_NOT_POSSIBLE, null));
            fixture.given(costCase(estimate(ESTIMATE, "BFD", null)))
                    .when(new AssessCostEstimate(ID, ESTIMATE, AssessmentVerdict.AGREES, "Enig", APRIL_6, null),
                            actingFor("BFD"))
                    .expectException(rejectedWith(CommonErrors.NOT_ENTITLED, null));
            fixture.given(costCase())
                    .when(new AssessCostEstimate(ID, ESTIMATE, AssessmentVerdict.AGREES, "Enig", APRIL_6, null))
                    .expectException(rejectedWith(CostCaseErrors.ESTIMATE_NOT_FOUND, null));
            fixture.given(costCase(estimate(ESTIMATE, "BFD", null), estimate(REVISION, "BFD", ESTIMATE)))
                    .when(new AssessCostEstimate(ID, ESTIMATE, AssessmentVerdict.AGREES, "Enig", APRIL_6, null))
                    .expectException(rejectedWith(CostCaseErrors.ESTIMATE_REVISED, null));
            fixture.given(costCase(estimate(ESTIMATE, "BFD", null)))
                    .when(new AssessCostEstimate(ID, ESTIMATE, null, "Enig", APRIL_6, null))
                    .expectException(rejectedWith(CostCaseErrors.COST_FIELD_REQUIRED, "verdict"));
        }

        @Test
        void aStatusIsGivenToAMeeting() {
            fixture.given(costCase())
                    .when(new GiveCostCaseStatus(ID, meeting, APRIL_6, "Arbeidet pågår", null))
                    .expectEvents(new CostCaseStatusGiven(ID, meeting, APRIL_6, "Arbeidet pågår"));
            fixture.given(costCase())
                    .when(new GiveCostCaseStatus(ID, UUID.randomUUID(), APRIL_6, "Arbeidet pågår", null))
                    .expectException(rejectedWith(CaseErrors.MEETING_UNKNOWN, "meeting"));
            fixture.given(lawCase())
                    .when(new GiveCostCaseStatus(ID, meeting, APRIL_6, "Arbeidet pågår", null))
                    .expectException(rejectedWith(CostCaseErrors.NOT_A_COST_CASE, null));
        }
    }

    /** What happened is dated on or before today ({@link FixedClock#TODAY}), and facts keep their order. */
    @Nested
    class FactDates {

        private final LocalDate tomorrow = FixedClock.TODAY.today().plusDays(1);
        private final PartialDate nextYear = PartialDate.parse(String.valueOf(tomorrow.getYear() + 1));
        private final LawParticipationDecided accepted = new LawParticipationDecided(ID,
                LawParticipationDecision.ACCEPTED, "KS deltar", PartialDate.parse("2021-05"));

        @Test
        void noFactIsDatedAfterToday() {
            fixture.given(sectorMatter())
                    .when(new ConcludeCase(ID, nextYear, "Ferdig", null, null))
                    .expectNoEvents().expectException(rejectedWith(CommonErrors.DATE_IN_FUTURE, "concludedOn"));
            fixture.given(sectorMatter())
                    .when(new WithdrawCase(ID, tomorrow, "Trukket", null))
                    .expectException(rejectedWith(CommonErrors.DATE_IN_FUTURE, "withdrawnOn"));
            fixture.given(sectorMatter())
                    .when(new AddCaseInput(ID, UUID.randomUUID(), null, tomorrow, "Innspill", null, null))
                    .expectException(rejectedWith(CommonErrors.DATE_IN_FUTURE, "givenOn"));
            fixture.given(costCase())
                    .when(new GiveCostCaseStatus(ID, meeting, tomorrow, "Arbeidet pågår", null))
                    .expectException(rejectedWith(CommonErrors.DATE_IN_FUTURE, "givenOn"));
            fixture.given(costCase())
                    .when(new RecordCostEstimate(ID, ESTIMATE, BigDecimal.TEN, 2022, 2025, "Grunnlag", "Metode", null,
                            tomorrow, null, null))
                    .expectException(rejectedWith(CommonErrors.DATE_IN_FUTURE, "madeOn"));
            fixture.given(costCase(estimate(ESTIMATE, "BFD", null)))
                    .when(new AssessCostEstimate(ID, ESTIMATE, AssessmentVerdict.AGREES, "Enig", tomorrow, null))
                    .expectException(rejectedWith(CommonErrors.DATE_IN_FUTURE, "assessedOn"));
            fixture.given(lawCase())
                    .when(new DecideLawParticipation(ID, LawParticipationDecision.ACCEPTED, "Ja", nextYear, null),
                            actingFor("KD"))
                    .expectException(rejectedWith(CommonErrors.DATE_IN_FUTURE, "decidedOn"));
            fixture.given(lawCase(accepted))
                    .when(new RecordLawMilestone(ID, LawMilestone.IN_FORCE, nextYear, null))
                    .expectException(rejectedWith(CommonErrors.DATE_IN_FUTURE, "reachedOn"));
        }

        @Test
        void todayAndThisMonthAreNotInTheFuture() {
            LocalDate today = FixedClock.TODAY.today();
            fixture.given(sectorMatter())
                    .when(new ConcludeCase(ID, PartialDate.parse(today.toString().substring(0, 7)), "Ferdig", null,
                            null))
                    .expectSuccessfulHandlerExecution();
            fixture.given(sectorMatter())
                    .when(new WithdrawCase(ID, today, "Trukket", null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void anAssessmentIsNotDatedBeforeTheEstimateItAssesses() {
            fixture.given(costCase(estimate(ESTIMATE, "BFD", null)))
                    .when(new AssessCostEstimate(ID, ESTIMATE, AssessmentVerdict.AGREES, "Enig", APRIL_6.minusDays(1),
                            null))
                    .expectNoEvents().expectException(rejectedWith(CaseErrors.CASE_DATE_INVALID, "assessedOn"));
            fixture.given(costCase(estimate(ESTIMATE, "BFD", null)))
                    .when(new AssessCostEstimate(ID, ESTIMATE, AssessmentVerdict.AGREES, "Enig", APRIL_6, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void anEstimateAnAnswerAndAMilestoneAreNotDatedBeforeTheReport() {
            fixture.given(costCase())
                    .when(new RecordCostEstimate(ID, ESTIMATE, BigDecimal.TEN, 2022, 2025, "Grunnlag", "Metode", null,
                            LocalDate.of(2021, 3, 31), null, null))
                    .expectException(rejectedWith(CaseErrors.CASE_DATE_INVALID, "madeOn"));
            fixture.given(lawCase())
                    .when(new DecideLawParticipation(ID, LawParticipationDecision.ACCEPTED, "Ja",
                            PartialDate.parse("2020"), null), actingFor("KD"))
                    .expectException(rejectedWith(CaseErrors.CASE_DATE_INVALID, "decidedOn"));
            fixture.given(lawCase(accepted))
                    .when(new RecordLawMilestone(ID, LawMilestone.PUBLIC_CONSULTATION, PartialDate.parse("2021-03"),
                            null))
                    .expectException(rejectedWith(CaseErrors.CASE_DATE_INVALID, "reachedOn"));
        }

        @Test
        void milestonesFollowTheOrderOfALawsMaking() {
            LawMilestoneReached inForce = new LawMilestoneReached(ID, LawMilestone.IN_FORCE,
                    PartialDate.parse("2022-01-01"));
            LawMilestoneReached consulted = new LawMilestoneReached(ID, LawMilestone.PUBLIC_CONSULTATION,
                    PartialDate.parse("2021-06"));
            fixture.given(lawCase(accepted, inForce))
                    .when(new RecordLawMilestone(ID, LawMilestone.BILL_PRESENTED, PartialDate.parse("2022-03"), null))
                    .expectNoEvents()
                    .expectException(rejectedWith(LawParticipationErrors.MILESTONE_OUT_OF_ORDER, "reachedOn"));
            fixture.given(lawCase(accepted, consulted))
                    .when(new RecordLawMilestone(ID, LawMilestone.IN_FORCE, PartialDate.parse("2021-05-31"), null))
                    .expectException(rejectedWith(LawParticipationErrors.MILESTONE_OUT_OF_ORDER, "reachedOn"));
            fixture.given(lawCase(accepted, consulted, inForce))
                    .when(new RecordLawMilestone(ID, LawMilestone.BILL_PRESENTED, PartialDate.parse("2021"), null))
                    .expectEvents(new LawMilestoneReached(ID, LawMilestone.BILL_PRESENTED, PartialDate.parse("2021")));
        }
    }

    @Nested
    class LawParticipation {

        private final LawParticipationDecided accepted = new LawParticipationDecided(ID,
                LawParticipationDecision.ACCEPTED, "KS deltar", PartialDate.parse("2021-05"));

        @Test
        void onlyTheResponsibleMinistryAnswersTheRequest() {
            fixture.given(lawCase())
                    .when(new DecideLawParticipation(ID, LawParticipationDecision.ACCEPTED, " KS deltar ",
                            PartialDate.parse("2021-05"), null), actingFor("KD"))
                    .expectEvents(accepted);
            fixture.given(lawCase())
                    .when(new DecideLawParticipation(ID, LawParticipationDecision.ACCEPTED, "KS deltar",
                            PartialDate.parse("2021-05"), null))
                    .expectException(rejectedWith(CommonErrors.NOT_ENTITLED, null));
            fixture.given(lawCase(accepted))
                    .when(new DecideLawParticipation(ID, LawParticipationDecision.DECLINED, "Likevel ikke",
                            PartialDate.parse("2021-06"), null), actingFor("KD"))
                    .expectException(rejectedWith(LawParticipationErrors.LAW_PARTICIPATION_STATE_CONFLICT, null));
            fixture.given(lawCase())
                    .when(new DecideLawParticipation(ID, LawParticipationDecision.DECLINED, " ", APRIL_2021, null),
                            actingFor("KD"))
                    .expectException(rejectedWith(LawParticipationErrors.LAW_FIELD_REQUIRED, "reasons"));
            fixture.given(lawCase())
                    .when(new DecideLawParticipation(ID, LawParticipationDecision.DECLINED, "Nei", null, null),
                            actingFor("KD"))
                    .expectException(rejectedWith(LawParticipationErrors.LAW_FIELD_REQUIRED, "decidedOn"));
            fixture.given(costCase())
                    .when(new DecideLawParticipation(ID, LawParticipationDecision.DECLINED, "Nei", APRIL_2021, null),
                            actingFor("BFD"))
                    .expectException(rejectedWith(LawParticipationErrors.NOT_A_LAW_PARTICIPATION_CASE, null));
        }

        @Test
        void milestonesAreRecordedOnceEachWhileKsTakesPart() {
            LawMilestoneReached presented = new LawMilestoneReached(ID, LawMilestone.BILL_PRESENTED, APRIL_2021);
            fixture.given(lawCase(accepted))
                    .when(new RecordLawMilestone(ID, LawMilestone.BILL_PRESENTED, APRIL_2021, null))
                    .expectEvents(presented);
            fixture.given(lawCase(accepted, presented))
                    .when(new RecordLawMilestone(ID, LawMilestone.BILL_PRESENTED, APRIL_2021, null))
                    .expectException(rejectedWith(LawParticipationErrors.MILESTONE_ALREADY_RECORDED, "milestone"));
            fixture.given(lawCase())
                    .when(new RecordLawMilestone(ID, LawMilestone.IN_FORCE, APRIL_2021, null))
                    .expectException(rejectedWith(LawParticipationErrors.LAW_PARTICIPATION_STATE_CONFLICT, null));
            fixture.given(lawCase(accepted))
                    .when(new RecordLawMilestone(ID, LawMilestone.IN_FORCE, null, null))
                    .expectException(rejectedWith(LawParticipationErrors.LAW_FIELD_REQUIRED, "reachedOn"));
            fixture.given(costCase())
                    .when(new RecordLawMilestone(ID, LawMilestone.IN_FORCE, APRIL_2021, null))
                    .expectException(rejectedWith(LawParticipationErrors.NOT_A_LAW_PARTICIPATION_CASE, null));
        }
    }
}
