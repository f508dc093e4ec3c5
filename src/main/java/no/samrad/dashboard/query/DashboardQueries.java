package no.samrad.dashboard.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import no.samrad.agreement.query.AgreementTermView;
import no.samrad.agreement.query.AgreementTimeTravel;
import no.samrad.agreement.query.AgreementView;
import no.samrad.audit.query.EventFeed;
import no.samrad.cases.cost.query.CostCaseQueries;
import no.samrad.cases.cost.query.CostCaseView;
import no.samrad.cases.cost.query.CostEstimateView;
import no.samrad.cases.law.query.LawParticipationQueries;
import no.samrad.cases.law.query.LawParticipationView;
import no.samrad.cases.query.CaseQueries;
import no.samrad.cases.query.CaseView;
import no.samrad.infrastructure.api.PartialDate;
import no.samrad.infrastructure.time.SamradClock;
import no.samrad.meeting.api.MeetingStatus;
import no.samrad.meeting.query.MeetingQueries;
import no.samrad.meeting.query.MeetingView;

/**
 * Computes the dashboard in memory from every record's view: the read models' rows for the record
 * as it stands, or the time-travel folds for the record as it stood at an instant. The arrangement
 * has tens of agreements and hundreds of cases, so one pass over all of them is cheaper than a
 * query per card, and both sources go through the same computation.
 */
@ApplicationScoped
public class DashboardQueries {

    static final int NEXT_MEETINGS = 5;

    /** Every view the dashboard reads. */
    record Records(List<AgreementView> agreements, List<MeetingView> meetings, List<CaseView> cases,
                   List<CostCaseView> costCases, List<LawParticipationView> lawRequests) {
    }

    private final AgreementTimeTravel agreementsThen;
    private final CaseQueries cases;
    private final CostCaseQueries costCases;
    private final LawParticipationQueries lawRequests;
    private final MeetingQueries meetings;
    private final EventFeed feed;
    private final SamradClock clock;

    DashboardQueries(AgreementTimeTravel agreementsThen, CaseQueries cases, CostCaseQueries costCases,
                     LawParticipationQueries lawRequests, MeetingQueries meetings, EventFeed feed, SamradClock clock) {
        this.agreementsThen = agreementsThen;
        this.cases = cases;
        this.costCases = costCases;
        this.lawRequests = lawRequests;
        this.meetings = meetings;
        this.feed = feed;
        this.clock = clock;
    }

    /** The dashboard seen from {@code day}, in the record as it stands. */
    public Dashboard on(LocalDate day) {
        long head = feed.head();
        return compute(new Records(AgreementView.listAll(), MeetingView.listAll(), CaseView.listAll(),
                CostCaseView.listAll(), LawParticipationView.listAll()), day, null, clock.today(), head);
    }

    /** The dashboard seen from {@code day}, in the record as it stood at {@code instant}. */
    public Dashboard on(LocalDate day, Instant instant) {
        long head = feed.head();
        return compute(new Records(agreementsThen.all(instant), meetings.all(instant), cases.all(instant),
                costCases.all(instant), lawRequests.all(instant)), day, instant,
                LocalDate.ofInstant(instant, SamradClock.OSLO), head);
    }

    /** {@code recordedOn} is the day the record is read as of: today, or the date of {@code asOf}. */
    static Dashboard compute(Records records, LocalDate day, Instant asOf, LocalDate recordedOn, long head) {
        return new Dashboard(day, asOf, head, counts(records, day, recordedOn), expiring(records.agreements(), day),
                timeline(records.agreements(), day), openCostCases(records.costCases(), day),
                awaitingDecision(records.lawRequests(), day), nextMeetings(records.meetings(), records.cases(), day));
    }

    /** Every record that existed on {@code day}, by kind and the state it was in then (see {@link StatesOnDay}). */
    private static Map<String, Map<String, Long>> counts(Records records, LocalDate day, LocalDate recordedOn) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        records.agreements().forEach(view -> StatesOnDay.agreement(view, day)
                .ifPresent(state -> count(counts, "AGREEMENT", state)));
        records.meetings().forEach(view -> count(counts, "MEETING", StatesOnDay.meeting(view, day)));
        records.cases().forEach(view -> StatesOnDay.aCase(view, day, recordedOn)
                .ifPresent(state -> count(counts, view.kind, state)));
        return counts;
    }

    private static void count(Map<String, Map<String, Long>> counts, String kind, String state) {
        counts.computeIfAbsent(kind, ignored -> new TreeMap<>()).merge(state, 1L, Long::sum);
    }

    private static Dashboard.Expiring expiring(List<AgreementView> agreements, LocalDate day) {
        List<Dashboard.ExpiringAgreement> thisYear = new ArrayList<>();
        List<Dashboard.ExpiringAgreement> within90 = new ArrayList<>();
        List<Dashboard.ExpiringAgreement> within180 = new ArrayList<>();
        for (AgreementView agreement : agreements) {
            Optional<AgreementTermView> found = StatesOnDay.termOn(agreement, day)
                    .filter(term -> term.endedOn == null);
            if (found.isEmpty()) {
                continue;
            }
            AgreementTermView term = found.get();
            long daysLeft = ChronoUnit.DAYS.between(day, term.expiresOn);
            Dashboard.ExpiringAgreement row = new Dashboard.ExpiringAgreement(agreement.id, agreement.title,
                    term.partyCodes(), term.expiresOn, daysLeft);
            if (term.expiresOn.getYear() == day.getYear()) {
                thisYear.add(row);
            }
            if (daysLeft >= 0 && daysLeft <= 90) {
                within90.add(row);
            }
            if (daysLeft >= 0 && daysLeft <= 180) {
                within180.add(row);
            }
        }
        return new Dashboard.Expiring(byExpiry(thisYear), byExpiry(within90), byExpiry(within180));
    }

    private static List<Dashboard.ExpiringAgreement> byExpiry(List<Dashboard.ExpiringAgreement> rows) {
        return rows.stream().sorted(Comparator.comparing(Dashboard.ExpiringAgreement::expiresOn)
                .thenComparing(Dashboard.ExpiringAgreement::title)).toList();
    }

    /** Every agreement entered, welfare-service agreements first, then by first entry and title. */
    private static List<Dashboard.TimelineRow> timeline(List<AgreementView> agreements, LocalDate day) {
        return agreements.stream().filter(agreement -> !agreement.terms.isEmpty())
                .sorted(Comparator.comparing((AgreementView agreement) -> !"WELFARE_SERVICES".equals(agreement.category))
                        .thenComparing(agreement -> agreement.terms.get(0).enteredOn)
                        .thenComparing(agreement -> agreement.title))
                .map(agreement -> new Dashboard.TimelineRow(agreement.id, agreement.title, agreement.status,
                        agreement.category, List.copyOf(agreement.parties), agreement.firstEnteredYear,
                        StatesOnDay.inForce(agreement, day),
                        agreement.terms.stream().map(term -> new Dashboard.Term(term.termNo, term.enteredOn,
                                term.expiresOn, term.endedOn)).toList()))
                .toList();
    }

    private static <T> Predicate<T> openOn(LocalDate day, java.util.function.Function<T, LocalDate> reportedFrom,
                                           java.util.function.Function<T, LocalDate> endedFrom) {
        return view -> !reportedFrom.apply(view).isAfter(day)
                && (endedFrom.apply(view) == null || endedFrom.apply(view).isAfter(day));
    }

    /** Cost cases reported by {@code day} and not concluded or withdrawn by then, in case-number order. */
    private static List<Dashboard.OpenCostCase> openCostCases(List<CostCaseView> views, LocalDate day) {
        return views.stream().filter(openOn(day, (CostCaseView view) -> view.reportedFrom, view -> view.endedFrom))
                .sorted(Comparator.comparingInt((CostCaseView view) -> view.numberYear)
                        .thenComparingInt(view -> view.numberSequence))
                .map(view -> new Dashboard.OpenCostCase(view.id, view.caseNumber, view.title, view.ministryCodes(),
                        view.reform, view.reportedFrom,
                        latestEstimate(view, day).map(DashboardQueries::estimate).orElse(null)))
                .toList();
    }

    /** The estimate the case reckoned with on {@code day}: made by then, and not revised by then. */
    private static Optional<CostEstimateView> latestEstimate(CostCaseView view, LocalDate day) {
        List<CostEstimateView> made = view.estimates.stream().filter(estimate -> !estimate.madeOn.isAfter(day))
                .toList();
        Set<UUID> revised = made.stream().map(estimate -> estimate.revises).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        for (int i = made.size() - 1; i >= 0; i--) {
            if (!revised.contains(made.get(i).estimateId)) {
                return Optional.of(made.get(i));
            }
        }
        return Optional.empty();
    }

    private static Dashboard.Estimate estimate(CostEstimateView estimate) {
        return new Dashboard.Estimate(estimate.amountNok.setScale(2, RoundingMode.UNNECESSARY), estimate.periodFrom,
                estimate.periodTo, estimate.madeBy, estimate.madeOn, estimate.verdict);
    }

    /**
     * Requests reported by {@code day}, not answered (or withdrawn) by then, longest waiting first.
     * An answer known only to the month counts from the month's first day; one recorded without a
     * date (as the 2021 material has them) counts as given before any day.
     */
    private static List<Dashboard.WaitingRequest> awaitingDecision(List<LawParticipationView> views, LocalDate day) {
        return views.stream()
                .filter(openOn(day, (LawParticipationView view) -> view.reportedFrom, view -> view.endedFrom))
                .filter(view -> view.decision == null || view.decidedOnText != null
                        && PartialDate.parse(view.decidedOnText).earliest().isAfter(day))
                .sorted(Comparator.comparing((LawParticipationView view) -> view.reportedFrom)
                        .thenComparingInt(view -> view.numberYear).thenComparingInt(view -> view.numberSequence))
                .map(view -> new Dashboard.WaitingRequest(view.id, view.caseNumber, view.title, view.lawTitle,
                        view.ministryCodes(), view.requestedBy, view.reportedOnText,
                        ChronoUnit.DAYS.between(view.reportedFrom, day)))
                .toList();
    }

    /**
     * The next meetings whose date has not passed on {@code day}, in the state they were in that day
     * (scheduled until held or cancelled), without those cancelled by then, with their agendas.
     */
    private static List<Dashboard.UpcomingMeeting> nextMeetings(List<MeetingView> meetings, List<CaseView> cases,
                                                                LocalDate day) {
        return meetings.stream()
                .filter(meeting -> !MeetingStatus.CANCELLED.name().equals(StatesOnDay.meeting(meeting, day))
                        && !meeting.dateTo.isBefore(day))
                .sorted(Comparator.comparing((MeetingView meeting) -> meeting.dateFrom)
                        .thenComparing(meeting -> meeting.title))
                .limit(NEXT_MEETINGS)
                .map(meeting -> new Dashboard.UpcomingMeeting(meeting.id, meeting.title, meeting.kind,
                        meeting.dateText, StatesOnDay.meeting(meeting, day), agenda(meeting.id, cases)))
                .toList();
    }

    private static List<Dashboard.AgendaEntry> agenda(UUID meeting, List<CaseView> cases) {
        return cases.stream().filter(view -> view.agenda.stream().anyMatch(item -> item.meetingId.equals(meeting)))
                .sorted(Comparator.comparingInt((CaseView view) -> view.numberYear)
                        .thenComparingInt(view -> view.numberSequence))
                .map(view -> new Dashboard.AgendaEntry(view.id, view.caseNumber, view.kind, view.title, view.status))
                .toList();
    }
}
