package no.samrad.meeting.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.List;
import java.util.UUID;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.api.PartialDate;
import no.samrad.infrastructure.api.RequiredFields;
import no.samrad.infrastructure.time.FactDates;
import no.samrad.infrastructure.time.SamradClock;
import no.samrad.meeting.api.CancelMeeting;
import no.samrad.meeting.api.HoldMeeting;
import no.samrad.meeting.api.MeetingCancelled;
import no.samrad.meeting.api.MeetingErrors;
import no.samrad.meeting.api.MeetingFacts;
import no.samrad.meeting.api.MeetingHeld;
import no.samrad.meeting.api.MeetingKind;
import no.samrad.meeting.api.MeetingScheduled;
import no.samrad.meeting.api.MeetingStatus;
import no.samrad.meeting.api.ScheduleMeeting;
import no.samrad.party.api.Entitlement;
import no.samrad.party.api.Party;
import no.samrad.party.api.PartyKind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateVersion;

/**
 * A consultation meeting: scheduled, then held or cancelled. KS or any ministry may act on the
 * political meetings; a bilateral meeting belongs to KS and its one ministry.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Meeting {

    private static final RequiredFields REQUIRED = new RequiredFields(MeetingErrors.MEETING_FIELD_REQUIRED);
    /** More consultation meetings than a budget cycle has ever had (six in the first years). */
    static final int MAX_CONSULTATIONS = 12;

    @AggregateIdentifier
    private UUID meetingId;
    @AggregateVersion
    private Long version;
    private MeetingKind kind;
    private PartialDate date;
    private String ministry;
    private MeetingStatus status;
    private String title;

    protected Meeting() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Meeting(ScheduleMeeting command, Entitlement entitlement) {
        MeetingKind kind = REQUIRED.present(command.kind(), "kind").recorded();
        Integer number = consultationNumber(command.kind(), command.number());
        PartialDate date = REQUIRED.present(command.date(), "date");
        int budgetYear = command.budgetYear() == null ? date.year() + 1 : command.budgetYear();
        if (budgetYear < date.year() || budgetYear > date.year() + 1) {
            throw new DomainException(MeetingErrors.BUDGET_YEAR_INVALID, "A meeting in " + date.year()
                    + " concerns the budget of " + date.year() + " or " + (date.year() + 1) + ".", "budgetYear");
        }
        boolean bilateral = kind == MeetingKind.BILATERAL;
        if (bilateral != (command.ministry() != null)) {
            throw new DomainException(MeetingErrors.MEETING_MINISTRY_MISMATCH, bilateral
                    ? "A bilateral meeting names the ministry that meets KS."
                    : "Only a bilateral meeting names a ministry.", "ministry");
        }
        if (bilateral) {
            Party ministry = entitlement.register().requireValid(List.of(command.ministry()), date.earliest(), "ministry").get(0);
            if (ministry.kind() != PartyKind.MINISTRY) {
                throw new DomainException(MeetingErrors.MEETING_MINISTRY_MISMATCH,
                        command.ministry() + " is not a ministry.", "ministry");
            }
        }
        requireEntitled(command.meetingId(), kind, command.ministry(), date, entitlement);
        String title = command.title() == null || command.title().isBlank()
                ? usualTitle(kind, number, date, command.ministry()) : command.title().strip();
        apply(new MeetingScheduled(command.meetingId(), kind, number, date, budgetYear, command.ministry(), title));
    }

    @CommandHandler
    public void handle(HoldMeeting command, Entitlement entitlement, SamradClock clock) {
        requireEntitled(meetingId, kind, ministry, date, entitlement);
        requireScheduled("Only a scheduled meeting can be held.");
        PartialDate heldOn = command.heldOn() == null ? date : command.heldOn();
        FactDates.requireHappened(heldOn, clock, "heldOn");
        if (!date.covers(heldOn.earliest()) || !date.covers(heldOn.latest())) {
            throw new DomainException(MeetingErrors.MEETING_DATE_MISMATCH,
                    "The meeting was scheduled for " + date + "; " + heldOn + " is not within that.", "heldOn");
        }
        apply(new MeetingHeld(meetingId, heldOn));
    }

    @CommandHandler
    public void handle(CancelMeeting command, Entitlement entitlement) {
        requireEntitled(meetingId, kind, ministry, date, entitlement);
        requireScheduled("Only a scheduled meeting can be cancelled.");
        REQUIRED.present(command.cancelledOn(), "cancelledOn");
        if (command.reason() == null || command.reason().isBlank()) {
            throw REQUIRED.missing("reason");
        }
        apply(new MeetingCancelled(meetingId, command.cancelledOn(), command.reason().strip()));
    }

    @EventSourcingHandler
    void on(MeetingScheduled event) {
        meetingId = event.meetingId();
        kind = event.kind();
        date = event.date();
        ministry = event.ministry();
        title = event.title();
        status = MeetingStatus.SCHEDULED;
    }

    @EventSourcingHandler
    void on(MeetingHeld event) {
        date = event.heldOn();
        status = MeetingStatus.HELD;
    }

    @EventSourcingHandler
    void on(MeetingCancelled event) {
        status = MeetingStatus.CANCELLED;
    }

    MeetingFacts facts() {
        return new MeetingFacts(meetingId, kind, date, status, ministry, title);
    }

    /** The name the sources use: "2. konsultasjonsmøte 2021", "Bilateralt møte KMD–KS 2020". */
    static String usualTitle(MeetingKind kind, Integer number, PartialDate date, String ministry) {
        return switch (kind) {
            case DIGITALISATION -> "Konsultasjonsmøte om digitalisering " + date.year();
            case BILATERAL -> "Bilateralt møte " + ministry + "–KS " + date.year();
            default -> number + ". konsultasjonsmøte " + date.year();
        };
    }

    /**
     * A consultation meeting's number in its budget cycle: given, or implied by the kind a request
     * named (the first and second); the other meetings have none.
     */
    private static Integer consultationNumber(MeetingKind requested, Integer given) {
        Integer implied = requested.impliedNumber();
        if (requested.recorded() != MeetingKind.CONSULTATION) {
            if (given != null) {
                throw new DomainException(MeetingErrors.MEETING_NUMBER_INVALID,
                        "Only a consultation meeting has a number in its budget cycle.", "number");
            }
            return null;
        }
        if (implied != null && given != null && !implied.equals(given)) {
            throw new DomainException(MeetingErrors.MEETING_NUMBER_INVALID,
                    requested + " is consultation meeting number " + implied + ", not " + given + ".", "number");
        }
        Integer number = implied != null ? implied : REQUIRED.present(given, "number");
        if (number < 1 || number > MAX_CONSULTATIONS) {
            throw new DomainException(MeetingErrors.MEETING_NUMBER_INVALID, "A consultation meeting's number in"
                    + " its budget cycle is from 1 to " + MAX_CONSULTATIONS + ".", "number");
        }
        return number;
    }

    private static void requireEntitled(UUID meetingId, MeetingKind kind, String ministry, PartialDate date,
                                        Entitlement entitlement) {
        if (kind == MeetingKind.BILATERAL) {
            entitlement.requireEntitled(meetingId, List.of(ministry), date.earliest());
        } else {
            entitlement.requireKnownParty();
        }
    }

    private void requireScheduled(String detail) {
        if (status != MeetingStatus.SCHEDULED) {
            throw new DomainException(MeetingErrors.MEETING_STATE_CONFLICT,
                    detail + " This meeting is " + status + ".");
        }
    }
}
