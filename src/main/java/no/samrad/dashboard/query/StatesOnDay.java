package no.samrad.dashboard.query;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import no.samrad.agreement.api.AgreementStatus;
import no.samrad.agreement.query.AgreementTermView;
import no.samrad.agreement.query.AgreementView;
import no.samrad.cases.api.CaseStatus;
import no.samrad.cases.query.CaseView;
import no.samrad.infrastructure.api.PartialDate;
import no.samrad.meeting.api.MeetingStatus;
import no.samrad.meeting.query.MeetingView;

/**
 * The state a record was in on a day of effective time, worked out from the dates its view keeps,
 * so that the dashboard's counts agree with the rest of the page on a past day. A record that did
 * not exist yet on the day has no state. On a day after every date in a record, its state is the
 * recorded one, except that an agreement whose expiry has passed counts as expired at once.
 */
final class StatesOnDay {

    /** A case open on the day whose stage then the record does not date: it has ended, or moved on, since. */
    static final String OPEN = "OPEN";

    private StatesOnDay() {
    }

    /**
     * The term an agreement had on {@code day}: the latest one entered by then, in force or run
     * out.
     */
    static Optional<AgreementTermView> termOn(AgreementView agreement, LocalDate day) {
        return agreement.terms.stream().filter(term -> !term.enteredOn.isAfter(day))
                .max(Comparator.comparingInt(term -> term.termNo));
    }

    /** The last day a term was in force: its expiry, or the day it was ended early (terminated, superseded). */
    private static LocalDate lastDay(AgreementTermView term) {
        return term.endedOn == null ? term.expiresOn : term.endedOn;
    }

    /** Whether the agreement had a term in force on {@code day}. */
    static boolean inForce(AgreementView agreement, LocalDate day) {
        return termOn(agreement, day).filter(term -> !lastDay(term).isBefore(day)).isPresent();
    }

    /**
     * Not entered by the day: {@code PROPOSED} if proposed by then. In force: {@code ACTIVE}, or
     * {@code RENEGOTIATION} where the record says so of its latest term (the view does not keep
     * the day renegotiation began, so it counts from that term's entry). Run out:
     * {@code EXPIRED}, or how it ended early.
     */
    static Optional<String> agreement(AgreementView agreement, LocalDate day) {
        Optional<AgreementTermView> found = termOn(agreement, day);
        if (found.isEmpty()) {
            boolean proposed = agreement.proposedOn == null
                    ? AgreementStatus.PROPOSED.name().equals(agreement.status)
                    : !agreement.proposedOn.isAfter(day);
            return proposed ? Optional.of(AgreementStatus.PROPOSED.name()) : Optional.empty();
        }
        AgreementTermView term = found.get();
        if (inForce(agreement, day)) {
            boolean latest = term.termNo == agreement.terms.size();
            return Optional.of(latest && AgreementStatus.RENEGOTIATION.name().equals(agreement.status)
                    ? AgreementStatus.RENEGOTIATION.name() : AgreementStatus.ACTIVE.name());
        }
        return Optional.of(term.endedOn == null ? AgreementStatus.EXPIRED.name() : agreement.status);
    }

    /**
     * {@code CANCELLED} once cancelled, {@code HELD} from the first day its holding date allows,
     * {@code SCHEDULED} before. The record does not date a meeting's scheduling, so a meeting
     * counts on every day before it too.
     */
    static String meeting(MeetingView meeting, LocalDate day) {
        if (meeting.cancelledOn != null && !meeting.cancelledOn.isAfter(day)) {
            return MeetingStatus.CANCELLED.name();
        }
        if (meeting.heldOn != null && !PartialDate.parse(meeting.heldOn).earliest().isAfter(day)) {
            return MeetingStatus.HELD.name();
        }
        return MeetingStatus.SCHEDULED.name();
    }

    /**
     * Not reported by the day: none. Ended by then ({@code CONCLUDED} from the first day its
     * partial date allows, or {@code WITHDRAWN}): that. Open then and still open in the record, on
     * a day on or after {@code recordedOn} (the day the record is read as of), or with nothing on
     * its agenda after the day: its recorded stage. Otherwise {@link #OPEN}: it has ended since,
     * or it is on the agenda of a later meeting, and the record does not date when it was put there.
     */
    static Optional<String> aCase(CaseView view, LocalDate day, LocalDate recordedOn) {
        if (view.reportedFrom.isAfter(day)) {
            return Optional.empty();
        }
        if (view.concludedOnText != null && !PartialDate.parse(view.concludedOnText).earliest().isAfter(day)) {
            return Optional.of(CaseStatus.CONCLUDED.name());
        }
        if (view.withdrawnOn != null && !view.withdrawnOn.isAfter(day)) {
            return Optional.of(CaseStatus.WITHDRAWN.name());
        }
        if (CaseStatus.valueOf(view.status).ended()) {
            return Optional.of(OPEN);
        }
        boolean placedSinceMaybe = day.isBefore(recordedOn) && view.agenda.stream()
                .anyMatch(item -> PartialDate.parse(item.meetingDate).earliest().isAfter(day));
        return Optional.of(placedSinceMaybe ? OPEN : view.status);
    }
}
