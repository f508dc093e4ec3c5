package no.samrad.cases.command;

import java.util.UUID;
import no.samrad.cases.api.AddCaseInput;
import no.samrad.cases.api.CaseErrors;
import no.samrad.cases.api.CaseNumber;
import no.samrad.cases.api.PutCaseOnAgenda;
import no.samrad.cases.api.ReportCase;
import no.samrad.cases.cost.api.GiveCostCaseStatus;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.time.SamradClock;
import no.samrad.meeting.api.MeetingCalendar;
import no.samrad.meeting.api.MeetingFacts;
import no.samrad.party.api.Entitlement;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Handles the case commands that need more than the case itself: the report, which takes a case
 * number, and the commands that name a meeting, which is looked up in the record. The decisions
 * stay in {@link Case}.
 */
public class CaseDesk {

    private final Repository<Case> cases;
    private final MeetingCalendar meetings;
    private final CaseNumbers numbers;

    public CaseDesk(Repository<Case> cases, MeetingCalendar meetings, CaseNumbers numbers) {
        this.cases = cases;
        this.meetings = meetings;
        this.numbers = numbers;
    }

    @CommandHandler
    public UUID handle(ReportCase command, Entitlement entitlement) throws Exception {
        entitlement.requireKnownParty();
        MeetingFacts meeting = meeting(command.meetingId());
        if (command.reportedOn() == null) {
            throw new DomainException(CaseErrors.CASE_FIELD_REQUIRED, "reportedOn is required.", "reportedOn");
        }
        CaseNumber number = numbers.next(command.reportedOn().year());
        cases.newInstance(() -> new Case(command, number, meeting, entitlement));
        return command.caseId();
    }

    @CommandHandler
    public void handle(AddCaseInput command, Entitlement entitlement, SamradClock clock) {
        Aggregate<Case> found = cases.load(command.caseId().toString(), command.expectedVersion());
        MeetingFacts meeting = command.meetingId() == null ? null : meeting(command.meetingId());
        found.execute(loaded -> loaded.addInput(command, meeting, entitlement, clock));
    }

    @CommandHandler
    public void handle(PutCaseOnAgenda command, Entitlement entitlement) {
        Aggregate<Case> found = cases.load(command.caseId().toString(), command.expectedVersion());
        MeetingFacts meeting = meeting(command.meetingId());
        found.execute(loaded -> loaded.putOnAgenda(command, meeting, entitlement));
    }

    @CommandHandler
    public void handle(GiveCostCaseStatus command, Entitlement entitlement, SamradClock clock) {
        Aggregate<Case> found = cases.load(command.caseId().toString(), command.expectedVersion());
        MeetingFacts meeting = meeting(command.meetingId());
        found.execute(loaded -> loaded.giveStatus(command, meeting, entitlement, clock));
    }

    private MeetingFacts meeting(UUID meetingId) {
        if (meetingId == null) {
            throw new DomainException(CaseErrors.CASE_FIELD_REQUIRED, "meeting is required.", "meeting");
        }
        return meetings.find(meetingId).orElseThrow(() -> new DomainException(CaseErrors.MEETING_UNKNOWN,
                "There is no meeting " + meetingId + " in the record.", "meeting"));
    }
}
