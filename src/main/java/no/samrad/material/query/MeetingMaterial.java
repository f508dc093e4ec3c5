package no.samrad.material.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samrad.agreement.query.AgreementQueries;
import no.samrad.agreement.query.AgreementTimeTravel;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.DiscussionOutcome;
import no.samrad.cases.cost.query.CostCaseQueries;
import no.samrad.cases.law.query.LawParticipationQueries;
import no.samrad.cases.query.CaseQueries;
import no.samrad.cases.query.ReportedCaseView;
import no.samrad.meeting.query.MeetingQueries;
import no.samrad.meeting.query.MeetingView;

/**
 * A meeting's material, read across the capabilities' read models: its agenda, and appendices a
 * (cost-calculation cases carried over), b (law-participation cases in progress) and c (bilateral
 * agreements in force), each as it stood on the meeting's date, today or as recorded at {@code asOf}.
 */
@ApplicationScoped
public class MeetingMaterial {

    private final MeetingQueries meetings;
    private final CaseQueries cases;
    private final CostCaseQueries costCases;
    private final LawParticipationQueries lawParticipation;
    private final AgreementQueries agreements;
    private final AgreementTimeTravel agreementTimeTravel;

    MeetingMaterial(MeetingQueries meetings, CaseQueries cases, CostCaseQueries costCases,
                    LawParticipationQueries lawParticipation, AgreementQueries agreements,
                    AgreementTimeTravel agreementTimeTravel) {
        this.meetings = meetings;
        this.cases = cases;
        this.costCases = costCases;
        this.lawParticipation = lawParticipation;
        this.agreements = agreements;
        this.agreementTimeTravel = agreementTimeTravel;
    }

    /** The meeting, if there is one with this id. */
    public Optional<MeetingView> meeting(UUID meetingId) {
        return meetings.find(meetingId);
    }

    /** The cases on the meeting's agenda, in case-number order. */
    public List<AgendaItem> agenda(MeetingView meeting) {
        return cases.onAgendaOf(meeting.id).stream()
                .map(found -> found.agenda.stream().filter(item -> item.meetingId.equals(meeting.id)).findFirst()
                        .map(item -> new AgendaItem(found.id, found.caseNumber, CaseKind.valueOf(found.kind),
                                found.title, List.copyOf(found.ministries),
                                item.outcome == null ? null : DiscussionOutcome.valueOf(item.outcome), item.note))
                        .orElseThrow())
                .toList();
    }

    /** Appendix a; {@code at} null for the record as it is now. */
    public CaseAppendix appendixA(MeetingView meeting, Instant at) {
        return caseAppendix(meeting, (at == null ? costCases.carriedOverTo(meeting.id, meeting.dateTo)
                : costCases.carriedOverTo(meeting.id, meeting.dateTo, at)).stream()
                .map(row -> row(row, row.ministryCodes(), row.concludedOnText)).toList());
    }

    /** Appendix b; {@code at} null for the record as it is now. */
    public CaseAppendix appendixB(MeetingView meeting, Instant at) {
        return caseAppendix(meeting, (at == null ? lawParticipation.openOn(meeting.dateTo, meeting.id)
                : lawParticipation.openOn(meeting.dateTo, meeting.id, at)).stream()
                .map(row -> row(row, row.ministryCodes(), null)).toList());
    }

    /** Appendix c: the agreements in force on the meeting's date; {@code at} null for the record as it is now. */
    public AppendixC appendixC(MeetingView meeting, Instant at) {
        LocalDate day = meeting.dateTo;
        List<AppendixC.Row> rows = (at == null ? agreements.inForceOn(day)
                : agreementTimeTravel.inForceOn(day, at)).stream()
                .map(row -> new AppendixC.Row(row.agreement().id, row.agreement().title, row.agreement().category(),
                        row.term().partyCodes(), row.term().enteredOn, row.term().expiresOn,
                        row.agreement().firstEnteredYear))
                .toList();
        return new AppendixC(meeting.id, meeting.title, meeting.dateText, day, rows);
    }

    private CaseAppendix caseAppendix(MeetingView meeting, List<CaseAppendix.Row> rows) {
        return new CaseAppendix(meeting.id, meeting.title, meeting.dateText, meeting.dateTo, rows);
    }

    private CaseAppendix.Row row(ReportedCaseView view, List<String> ministries, String concludedOn) {
        return new CaseAppendix.Row(view.id, view.caseNumber, ministries, view.title, view.meetingId,
                meetings.find(view.meetingId).map(found -> found.title).orElse(null), view.reportedOnText,
                concludedOn);
    }
}
