package no.samrad.meeting;

import static no.samrad.support.Rejections.rejectedWith;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.PartialDate;
import no.samrad.infrastructure.axon.EventMetadata;
import no.samrad.meeting.api.CancelMeeting;
import no.samrad.meeting.api.HoldMeeting;
import no.samrad.meeting.api.MeetingCancelled;
import no.samrad.meeting.api.MeetingErrors;
import no.samrad.meeting.api.MeetingHeld;
import no.samrad.meeting.api.MeetingKind;
import no.samrad.meeting.api.MeetingScheduled;
import no.samrad.meeting.api.ScheduleMeeting;
import no.samrad.meeting.command.Meeting;
import no.samrad.party.api.PartyErrors;
import no.samrad.party.command.TestEntitlements;
import no.samrad.support.FixedClock;
import no.samrad.support.TestParties;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MeetingTest {

    private static final UUID ID = UUID.fromString("0f0e6c8a-3b5d-4a8e-9c1d-2e3f4a5b6c7d");
    private static final PartialDate APRIL_2021 = PartialDate.parse("2021-04");
    private static final MeetingScheduled SECOND_2021 = new MeetingScheduled(ID, MeetingKind.CONSULTATION, 2,
            APRIL_2021, 2022, null, "2. konsultasjonsmøte 2021");
    private static final MeetingScheduled BILATERAL_KMD_2020 = new MeetingScheduled(ID, MeetingKind.BILATERAL, null,
            PartialDate.parse("2020"), 2021, "KMD", "Bilateralt møte KMD–KS 2020");

    private AggregateTestFixture<Meeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Meeting.class);
        fixture.registerParameterResolverFactory(TestEntitlements.judgedBy(TestParties.register()));
        fixture.registerInjectableResource(FixedClock.TODAY);
        fixture.registerCommandDispatchInterceptor(messages -> (index, command) ->
                command.getMetaData().containsKey(EventMetadata.PARTY) ? command
                        : command.andMetaData(Map.of(EventMetadata.PARTY, "KS")));
    }

    private static Map<String, Object> actingFor(String party) {
        return Map.of(EventMetadata.PARTY, party);
    }

    @Nested
    class Schedule {

        @Test
        void aPoliticalMeetingGetsItsUsualTitleAndTheNextBudgetYear() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, MeetingKind.SECOND_CONSULTATION, null, APRIL_2021, null, null, null))
                    .expectEvents(SECOND_2021);
        }

        @Test
        void anyMinistryMayScheduleAPoliticalMeeting() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, MeetingKind.SECOND_CONSULTATION, null, APRIL_2021, null, null, null),
                            actingFor("HOD"))
                    .expectEvents(SECOND_2021);
        }

        @Test
        void aBilateralMeetingNamesItsMinistry() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, MeetingKind.BILATERAL, null, PartialDate.parse("2020"), null, "KMD", null))
                    .expectEvents(BILATERAL_KMD_2020);
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, MeetingKind.BILATERAL, null, PartialDate.parse("2020"), null, null, null))
                    .expectException(rejectedWith(MeetingErrors.MEETING_MINISTRY_MISMATCH, "ministry"));
        }

        @Test
        void onlyABilateralMeetingNamesAMinistry() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, MeetingKind.FIRST_CONSULTATION, null, APRIL_2021, null, "KMD", null))
                    .expectNoEvents()
                    .expectException(rejectedWith(MeetingErrors.MEETING_MINISTRY_MISMATCH, "ministry"));
        }

        @Test
        void theMinistryMustExistThen() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, MeetingKind.BILATERAL, null, PartialDate.parse("2020"), null, "KDD", null))
                    .expectException(rejectedWith(PartyErrors.PARTY_NOT_VALID_ON_DATE, "ministry"));
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, MeetingKind.BILATERAL, null, PartialDate.parse("2020"), null, "KS", null))
                    .expectException(rejectedWith(MeetingErrors.MEETING_MINISTRY_MISMATCH, "ministry"));
        }

        @Test
        void anotherMinistryMayNotScheduleABilateralMeeting() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, MeetingKind.BILATERAL, null, PartialDate.parse("2020"), null, "KMD", null),
                            actingFor("HOD"))
                    .expectException(rejectedWith(CommonErrors.NOT_ENTITLED, null));
        }

        @Test
        void theBudgetYearIsTheMeetingsYearOrTheNext() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, MeetingKind.SECOND_CONSULTATION, null, APRIL_2021, 2023, null, null))
                    .expectException(rejectedWith(MeetingErrors.BUDGET_YEAR_INVALID, "budgetYear"));
        }

        @Test
        void aConsultationMeetingHasItsNumberInTheBudgetCycle() {
            PartialDate october2001 = PartialDate.parse("2001-10-16");
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, MeetingKind.CONSULTATION, 4, october2001, 2002, null, null),
                            Map.of(EventMetadata.SYSTEM, true))
                    .expectEvents(new MeetingScheduled(ID, MeetingKind.CONSULTATION, 4, october2001, 2002, null,
                            "4. konsultasjonsmøte 2001"));
        }

        @Test
        void theFirstAndSecondAreConsultationMeetingsNumberedOneAndTwo() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, MeetingKind.CONSULTATION, 2, APRIL_2021, null, null, null))
                    .expectEvents(SECOND_2021);
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, MeetingKind.SECOND_CONSULTATION, 3, APRIL_2021, null, null, null))
                    .expectException(rejectedWith(MeetingErrors.MEETING_NUMBER_INVALID, "number"));
        }

        @Test
        void refusesAConsultationMeetingWithoutItsNumberOrWithOneOutOfRange() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, MeetingKind.CONSULTATION, null, APRIL_2021, null, null, null))
                    .expectException(rejectedWith(MeetingErrors.MEETING_FIELD_REQUIRED, "number"));
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, MeetingKind.CONSULTATION, 0, APRIL_2021, null, null, null))
                    .expectException(rejectedWith(MeetingErrors.MEETING_NUMBER_INVALID, "number"));
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, MeetingKind.CONSULTATION, 13, APRIL_2021, null, null, null))
                    .expectException(rejectedWith(MeetingErrors.MEETING_NUMBER_INVALID, "number"));
        }

        @Test
        void onlyAConsultationMeetingHasANumber() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, MeetingKind.BILATERAL, 1, PartialDate.parse("2020"), null, "KMD",
                            null))
                    .expectNoEvents()
                    .expectException(rejectedWith(MeetingErrors.MEETING_NUMBER_INVALID, "number"));
        }

        @Test
        void needsAKindAndADate() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, null, null, APRIL_2021, null, null, null))
                    .expectException(rejectedWith(MeetingErrors.MEETING_FIELD_REQUIRED, "kind"));
            fixture.givenNoPriorActivity()
                    .when(new ScheduleMeeting(ID, MeetingKind.DIGITALISATION, null, null, null, null, null))
                    .expectException(rejectedWith(MeetingErrors.MEETING_FIELD_REQUIRED, "date"));
        }
    }

    @Nested
    class Hold {

        @Test
        void heldOnTheScheduledDateOrAMorePreciseOne() {
            fixture.given(SECOND_2021)
                    .when(new HoldMeeting(ID, null, null))
                    .expectEvents(new MeetingHeld(ID, APRIL_2021));
            fixture.given(SECOND_2021)
                    .when(new HoldMeeting(ID, PartialDate.parse("2021-04-20"), null))
                    .expectEvents(new MeetingHeld(ID, PartialDate.parse("2021-04-20")));
        }

        @Test
        void refusesADayOutsideTheScheduledDate() {
            fixture.given(SECOND_2021)
                    .when(new HoldMeeting(ID, PartialDate.parse("2021-05-03"), null))
                    .expectException(rejectedWith(MeetingErrors.MEETING_DATE_MISMATCH, "heldOn"));
            fixture.given(SECOND_2021)
                    .when(new HoldMeeting(ID, PartialDate.parse("2021"), null))
                    .expectException(rejectedWith(MeetingErrors.MEETING_DATE_MISMATCH, "heldOn"));
        }

        @Test
        void aMeetingIsNotHeldAfterToday() {
            LocalDate today = FixedClock.TODAY.today();
            MeetingScheduled nextMonth = new MeetingScheduled(ID, MeetingKind.CONSULTATION, 2,
                    PartialDate.parse(today.plusMonths(1).toString().substring(0, 7)), today.getYear() + 1, null,
                    "2. konsultasjonsmøte");
            fixture.given(nextMonth)
                    .when(new HoldMeeting(ID, null, null))
                    .expectNoEvents()
                    .expectException(rejectedWith(CommonErrors.DATE_IN_FUTURE, "heldOn"));
            MeetingScheduled thisMonth = new MeetingScheduled(ID, MeetingKind.CONSULTATION, 2,
                    PartialDate.parse(today.toString().substring(0, 7)), today.getYear() + 1, null,
                    "2. konsultasjonsmøte");
            fixture.given(thisMonth)
                    .when(new HoldMeeting(ID, PartialDate.parse(today.plusDays(1).toString()), null))
                    .expectException(rejectedWith(CommonErrors.DATE_IN_FUTURE, "heldOn"));
            fixture.given(thisMonth)
                    .when(new HoldMeeting(ID, PartialDate.parse(today.toString()), null))
                    .expectEvents(new MeetingHeld(ID, PartialDate.parse(today.toString())));
        }

        @Test
        void refusesTwice() {
            fixture.given(SECOND_2021, new MeetingHeld(ID, APRIL_2021))
                    .when(new HoldMeeting(ID, null, null))
                    .expectException(rejectedWith(MeetingErrors.MEETING_STATE_CONFLICT, null));
        }

        @Test
        void aBilateralMeetingIsHeldByItsMinistryOrKs() {
            fixture.given(BILATERAL_KMD_2020)
                    .when(new HoldMeeting(ID, null, null), actingFor("KDD"))
                    .expectEvents(new MeetingHeld(ID, PartialDate.parse("2020")));
            fixture.given(BILATERAL_KMD_2020)
                    .when(new HoldMeeting(ID, null, null), actingFor("HOD"))
                    .expectException(rejectedWith(CommonErrors.NOT_ENTITLED, null));
        }
    }

    @Nested
    class Cancel {

        @Test
        void cancelsAScheduledMeeting() {
            fixture.given(SECOND_2021)
                    .when(new CancelMeeting(ID, LocalDate.of(2021, 4, 10), " Flyttet ", null))
                    .expectEvents(new MeetingCancelled(ID, LocalDate.of(2021, 4, 10), "Flyttet"));
        }

        @Test
        void needsADateAndAReason() {
            fixture.given(SECOND_2021)
                    .when(new CancelMeeting(ID, LocalDate.of(2021, 4, 10), " ", null))
                    .expectException(rejectedWith(MeetingErrors.MEETING_FIELD_REQUIRED, "reason"));
            fixture.given(SECOND_2021)
                    .when(new CancelMeeting(ID, null, "Flyttet", null))
                    .expectException(rejectedWith(MeetingErrors.MEETING_FIELD_REQUIRED, "cancelledOn"));
        }

        @Test
        void refusesAMeetingThatWasHeld() {
            fixture.given(SECOND_2021, new MeetingHeld(ID, APRIL_2021))
                    .when(new CancelMeeting(ID, LocalDate.of(2021, 4, 10), "For sent", null))
                    .expectException(rejectedWith(MeetingErrors.MEETING_STATE_CONFLICT, null));
        }
    }
}
