package no.samrad.cases.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.samrad.cases.api.AddCaseInput;
import no.samrad.cases.api.CaseConcluded;
import no.samrad.cases.api.CaseDiscussed;
import no.samrad.cases.api.CaseErrors;
import no.samrad.cases.api.CaseInputAdded;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.CaseNumber;
import no.samrad.cases.api.CasePutOnAgenda;
import no.samrad.cases.api.CaseReported;
import no.samrad.cases.api.CaseStatus;
import no.samrad.cases.api.CaseWithdrawn;
import no.samrad.cases.api.ConcludeCase;
import no.samrad.cases.api.PutCaseOnAgenda;
import no.samrad.cases.api.RecordCaseDiscussion;
import no.samrad.cases.api.ReportCase;
import no.samrad.cases.api.WithdrawCase;
import no.samrad.cases.cost.api.AssessCostEstimate;
import no.samrad.cases.cost.api.CostCalculationOpened;
import no.samrad.cases.cost.api.CostCaseErrors;
import no.samrad.cases.cost.api.CostCaseStatusGiven;
import no.samrad.cases.cost.api.CostEstimateAssessed;
import no.samrad.cases.cost.api.CostEstimateRecorded;
import no.samrad.cases.cost.api.GiveCostCaseStatus;
import no.samrad.cases.cost.api.RecordCostEstimate;
import no.samrad.cases.cost.command.CostCalculation;
import no.samrad.cases.law.api.DecideLawParticipation;
import no.samrad.cases.api.LawInQuestion;
import no.samrad.cases.law.api.LawMilestoneReached;
import no.samrad.cases.law.api.LawParticipationDecided;
import no.samrad.cases.law.api.LawParticipationErrors;
import no.samrad.cases.law.api.LawParticipationRequested;
import no.samrad.cases.law.api.RecordLawMilestone;
import no.samrad.cases.law.command.LawParticipation;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.api.PartialDate;
import no.samrad.infrastructure.api.RequiredFields;
import no.samrad.infrastructure.time.FactDates;
import no.samrad.infrastructure.time.SamradClock;
import no.samrad.meeting.api.MeetingFacts;
import no.samrad.meeting.api.MeetingStatus;
import no.samrad.party.api.Entitlement;
import no.samrad.party.api.Party;
import no.samrad.party.api.PartyKind;
import no.samrad.party.api.PartyRegister;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateVersion;
import org.axonframework.serialization.Revision;

/**
 * A case of the consultation arrangement, of any of the four kinds, from its report to its
 * conclusion or withdrawal. The cost-calculation and law-participation parts decide their own
 * commands ({@link CostCalculation}, {@link LawParticipation}); the case checks first that it is
 * open, of that kind, and that the sender is a party to it.
 *
 * <p>Commands that name a meeting arrive through {@link CaseDesk}, which looks the meeting up.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@Revision("2") // the state of snapshots: revision 2 keeps the dates of estimates and milestones
public class Case {

    private static final RequiredFields REQUIRED = new RequiredFields(CaseErrors.CASE_FIELD_REQUIRED);

    @AggregateIdentifier
    private UUID caseId;
    @AggregateVersion
    private Long version;
    private CaseKind kind;
    private List<String> ministries;
    private String reportedBy;
    private PartialDate reportedOn;
    private CaseStatus status;
    /** Meetings whose agenda holds the case and that have not yet recorded what they did with it. */
    private Set<UUID> awaitingDiscussion = new HashSet<>();
    private Set<UUID> agendas = new HashSet<>();
    private CostCalculation costCalculation;
    private LawParticipation lawParticipation;

    protected Case() {
        // Axon rebuilds the aggregate from its events.
    }

    Case(ReportCase command, CaseNumber number, MeetingFacts meeting, Entitlement entitlement) {
        CaseKind kind = REQUIRED.present(command.kind(), "kind");
        String title = REQUIRED.text(command.title(), "title");
        PartialDate reportedOn = REQUIRED.present(command.reportedOn(), "reportedOn");
        String reporter = entitlement.speaksFor(command.reportedBy(), "reportedBy").orElse(null);
        if (reporter != null) {
            entitlement.register().requireValid(List.of(reporter), reportedOn.latest(), "reportedBy");
        }
        List<String> ministries = responsibleMinistries(kind, command.ministries(), reportedOn, entitlement.register());
        requireKindFields(kind, command.reform(), command.law());
        if (meeting.status() == MeetingStatus.CANCELLED) {
            throw new DomainException(CaseErrors.CASE_MEETING_CONFLICT,
                    "The meeting " + meeting.title() + " was cancelled; report the case to another.", "meeting");
        }
        if (reportedOn.earliest().isAfter(meeting.date().latest())) {
            throw new DomainException(CaseErrors.CASE_DATE_INVALID, "A case is reported to a meeting on or before"
                    + " its date; " + meeting.title() + " was " + meeting.date() + ".", "reportedOn");
        }
        String summary = command.summary() == null || command.summary().isBlank() ? null : command.summary().strip();
        apply(new CaseReported(command.caseId(), number.toString(), kind, title, ministries, reporter,
                meeting.meetingId(), reportedOn, summary));
        if (kind == CaseKind.COST_CALCULATION) {
            apply(new CostCalculationOpened(command.caseId(), command.reform().strip()));
        } else if (kind == CaseKind.LAW_PARTICIPATION) {
            LawInQuestion law = command.law();
            apply(new LawParticipationRequested(command.caseId(), reporter, law.title().strip(), law.kind(),
                    law.eeaOrigin()));
        }
    }

    void addInput(AddCaseInput command, MeetingFacts meeting, Entitlement entitlement,
                  SamradClock clock) {
        requireOpen(entitlement);
        String party = entitlement.speaksFor(command.party(), "party")
                .orElseThrow(() -> REQUIRED.missing("party"));
        REQUIRED.present(command.givenOn(), "givenOn");
        requireSinceReport(command.givenOn(), clock, "givenOn");
        entitlement.register().requireValid(List.of(party), command.givenOn(), "party");
        if (meeting != null && meeting.status() == MeetingStatus.CANCELLED) {
            throw new DomainException(CaseErrors.CASE_MEETING_CONFLICT,
                    "The meeting " + meeting.title() + " was cancelled.", "meeting");
        }
        apply(new CaseInputAdded(caseId, command.inputId(), party, command.givenOn(),
                REQUIRED.text(command.text(), "text"),
                meeting == null ? null : meeting.meetingId()));
    }

    void putOnAgenda(PutCaseOnAgenda command, MeetingFacts meeting, Entitlement entitlement) {
        requireOpen(entitlement);
        if (meeting.status() != MeetingStatus.SCHEDULED) {
            throw new DomainException(CaseErrors.CASE_MEETING_CONFLICT, "Only a scheduled meeting takes new agenda"
                    + " items; " + meeting.title() + " is " + meeting.status() + ".", "meeting");
        }
        if (agendas.contains(meeting.meetingId())) {
            throw new DomainException(CaseErrors.CASE_MEETING_CONFLICT,
                    "The case is on the agenda of " + meeting.title() + " already.", "meeting");
        }
        apply(new CasePutOnAgenda(caseId, meeting.meetingId(), meeting.date()));
    }

    void giveStatus(GiveCostCaseStatus command, MeetingFacts meeting, Entitlement entitlement,
                    SamradClock clock) {
        requireOpen(entitlement);
        requireKind(CaseKind.COST_CALCULATION);
        REQUIRED.present(command.givenOn(), "givenOn");
        requireSinceReport(command.givenOn(), clock, "givenOn");
        if (meeting.status() == MeetingStatus.CANCELLED) {
            throw new DomainException(CaseErrors.CASE_MEETING_CONFLICT,
                    "The meeting " + meeting.title() + " was cancelled.", "meeting");
        }
        apply(new CostCaseStatusGiven(caseId, meeting.meetingId(), command.givenOn(),
                REQUIRED.text(command.text(), "text")));
    }

    @CommandHandler
    public void handle(RecordCaseDiscussion command, Entitlement entitlement) {
        requireOpen(entitlement);
        UUID meeting = REQUIRED.present(command.meetingId(), "meeting");
        if (!awaitingDiscussion.contains(meeting)) {
            throw new DomainException(CaseErrors.CASE_MEETING_CONFLICT, agendas.contains(meeting)
                    ? "That meeting has recorded what it did with the case already."
                    : "The case is not on the agenda of meeting " + meeting + ".", "meeting");
        }
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        apply(new CaseDiscussed(caseId, meeting, REQUIRED.present(command.outcome(), "outcome"), note));
    }

    @CommandHandler
    public void handle(ConcludeCase command, Entitlement entitlement, SamradClock clock) {
        requireOpen(entitlement);
        PartialDate concludedOn = REQUIRED.present(command.concludedOn(), "concludedOn");
        requireSinceReport(concludedOn, clock, "concludedOn");
        String outcome = REQUIRED.text(command.outcome(), "outcome");
        if (kind == CaseKind.COST_CALCULATION) {
            costCalculation.requireFinal(command.finalEstimateId());
        } else if (command.finalEstimateId() != null) {
            throw new DomainException(CaseErrors.CASE_KIND_FIELDS,
                    "Only a cost-calculation case is concluded with a final estimate.", "finalEstimate");
        }
        if (kind == CaseKind.LAW_PARTICIPATION) {
            lawParticipation.requireConcludable();
        }
        apply(new CaseConcluded(caseId, concludedOn, outcome, command.finalEstimateId()));
    }

    @CommandHandler
    public void handle(WithdrawCase command, Entitlement entitlement, SamradClock clock) {
        requireOpen(entitlement);
        REQUIRED.present(command.withdrawnOn(), "withdrawnOn");
        requireSinceReport(command.withdrawnOn(), clock, "withdrawnOn");
        apply(new CaseWithdrawn(caseId, command.withdrawnOn(), REQUIRED.text(command.reason(), "reason")));
    }

    @CommandHandler
    public void handle(RecordCostEstimate command, Entitlement entitlement, SamradClock clock) {
        requireKind(CaseKind.COST_CALCULATION);
        requireOpen(entitlement);
        requireSinceReport(command.madeOn(), clock, "madeOn");
        apply(costCalculation.decideEstimate(caseId, command, ministries, reportedOn.latest(), entitlement));
    }

    @CommandHandler
    public void handle(AssessCostEstimate command, Entitlement entitlement, SamradClock clock) {
        requireKind(CaseKind.COST_CALCULATION);
        requireOpen(entitlement);
        FactDates.requireHappened(command.assessedOn(), clock, "assessedOn");
        apply(costCalculation.decideAssessment(caseId, command, entitlement));
    }

    @CommandHandler
    public void handle(DecideLawParticipation command, Entitlement entitlement,
                       SamradClock clock) {
        requireKind(CaseKind.LAW_PARTICIPATION);
        requireOpen(entitlement);
        requireSinceReport(command.decidedOn(), clock, "decidedOn");
        apply(lawParticipation.decide(caseId, command, ministries, reportedOn.latest(), entitlement));
    }

    @CommandHandler
    public void handle(RecordLawMilestone command, Entitlement entitlement, SamradClock clock) {
        requireKind(CaseKind.LAW_PARTICIPATION);
        requireOpen(entitlement);
        requireSinceReport(command.reachedOn(), clock, "reachedOn");
        apply(lawParticipation.milestone(caseId, command));
    }

    /** Refuses a command of a kind this case is not: to the client, there is no such cost or law case. */
    void requireKind(CaseKind expected) {
        if (kind == expected) {
            return;
        }
        if (expected == CaseKind.COST_CALCULATION) {
            throw new DomainException(CostCaseErrors.NOT_A_COST_CASE,
                    "There is no cost-calculation case with id " + caseId + "; that case is a " + kind + ".");
        }
        throw new DomainException(LawParticipationErrors.NOT_A_LAW_PARTICIPATION_CASE,
                "There is no law-participation case with id " + caseId + "; that case is a " + kind + ".");
    }

    @EventSourcingHandler
    void on(CaseReported event) {
        caseId = event.caseId();
        kind = event.kind();
        ministries = List.copyOf(event.ministries());
        reportedBy = event.reportedBy();
        reportedOn = event.reportedOn();
        status = CaseStatus.REPORTED;
    }

    @EventSourcingHandler
    void on(CostCalculationOpened event) {
        costCalculation = new CostCalculation();
    }

    @EventSourcingHandler
    void on(LawParticipationRequested event) {
        lawParticipation = new LawParticipation();
    }

    @EventSourcingHandler
    void on(CasePutOnAgenda event) {
        agendas.add(event.meetingId());
        awaitingDiscussion.add(event.meetingId());
        status = CaseStatus.ON_AGENDA;
    }

    @EventSourcingHandler
    void on(CaseDiscussed event) {
        awaitingDiscussion.remove(event.meetingId());
        status = awaitingDiscussion.isEmpty() ? CaseStatus.DISCUSSED : CaseStatus.ON_AGENDA;
    }

    @EventSourcingHandler
    void on(CaseConcluded event) {
        status = CaseStatus.CONCLUDED;
    }

    @EventSourcingHandler
    void on(CaseWithdrawn event) {
        status = CaseStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(CostEstimateRecorded event) {
        costCalculation.on(event);
    }

    @EventSourcingHandler
    void on(CostEstimateAssessed event) {
        costCalculation.on(event);
    }

    @EventSourcingHandler
    void on(LawParticipationDecided event) {
        lawParticipation.on(event);
    }

    @EventSourcingHandler
    void on(LawMilestoneReached event) {
        lawParticipation.on(event);
    }

    private void requireOpen(Entitlement entitlement) {
        List<String> parties = new ArrayList<>(ministries);
        if (reportedBy != null) {
            parties.add(reportedBy);
        }
        entitlement.requireEntitled(caseId, parties, reportedOn.latest());
        if (status.ended()) {
            throw new DomainException(CaseErrors.CASE_STATE_CONFLICT, "The case is " + status + "; it takes no"
                    + " more changes.");
        }
    }

    private static List<String> responsibleMinistries(CaseKind kind, List<String> codes, PartialDate reportedOn,
                                                      PartyRegister register) {
        List<String> ministries = codes == null ? List.of() : List.copyOf(codes);
        if (ministries.isEmpty() && kind != CaseKind.CROSS_SECTOR_THEME) {
            throw new DomainException(CaseErrors.CASE_FIELD_REQUIRED,
                    "A " + kind + " case names its responsible ministry or ministries.", "ministries");
        }
        for (Party party : register.requireValid(ministries, reportedOn.latest(), "ministries")) {
            if (party.kind() != PartyKind.MINISTRY) {
                throw new DomainException(CaseErrors.RESPONSIBLE_NOT_A_MINISTRY,
                        party.code() + " is not a ministry; the responsible parties of a case are ministries.",
                        "ministries");
            }
        }
        return ministries;
    }

    private static void requireKindFields(CaseKind kind, String reform, LawInQuestion law) {
        boolean cost = kind == CaseKind.COST_CALCULATION;
        boolean lawCase = kind == CaseKind.LAW_PARTICIPATION;
        if (cost != (reform != null)) {
            throw new DomainException(CaseErrors.CASE_KIND_FIELDS, cost
                    ? "A cost-calculation case names the reform whose costs are calculated."
                    : "Only a cost-calculation case names a reform.", "reform");
        }
        if (cost && reform.isBlank()) {
            throw REQUIRED.missing("reform");
        }
        if (lawCase != (law != null)) {
            throw new DomainException(CaseErrors.CASE_KIND_FIELDS, lawCase
                    ? "A law-participation case names the law or regulation it concerns."
                    : "Only a law-participation case names a law.", "law");
        }
        if (lawCase) {
            REQUIRED.text(law.title(), "law.title");
        }
    }

    /**
     * A fact about the case happened by today and not before the case was reported; a missing date
     * is left to the required-field checks.
     */
    private void requireSinceReport(LocalDate date, SamradClock clock, String field) {
        if (date != null) {
            FactDates.requireHappened(date, clock, field);
            requireNotBeforeReport(date.isBefore(reportedOn.earliest()), field);
        }
    }

    /** As {@link #requireSinceReport(LocalDate, SamradClock, String)}, for a date known to the month or year. */
    private void requireSinceReport(PartialDate date, SamradClock clock, String field) {
        if (date != null) {
            FactDates.requireHappened(date, clock, field);
            requireNotBeforeReport(date.latest().isBefore(reportedOn.earliest()), field);
        }
    }

    private static void requireNotBeforeReport(boolean before, String field) {
        if (before) {
            throw new DomainException(CaseErrors.CASE_DATE_INVALID,
                    field + " lies before the case was reported.", field);
        }
    }
}
