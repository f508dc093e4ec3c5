package no.samrad.agreement.query;

import no.samrad.agreement.api.AgreementEntered;
import no.samrad.agreement.api.AgreementEvent;
import no.samrad.agreement.api.AgreementExpired;
import no.samrad.agreement.api.AgreementProposed;
import no.samrad.agreement.api.AgreementRenegotiationStarted;
import no.samrad.agreement.api.AgreementRenewed;
import no.samrad.agreement.api.AgreementStatus;
import no.samrad.agreement.api.AgreementSuperseded;
import no.samrad.agreement.api.AgreementTermCorrected;
import no.samrad.agreement.api.AgreementTerminated;
import no.samrad.infrastructure.axon.TimeTravel;

/**
 * What each agreement event does to an agreement's view: the one fold that both the projection
 * (on stored rows) and time travel (on views held in memory, from the events recorded up to an
 * instant) apply.
 */
public final class AgreementFold {

    /** The fold as one step of a replay: for time travel, and for a rebuild of the read model. */
    public static final TimeTravel.Folder<AgreementView> STEP =
            TimeTravel.folder(AgreementEvent.class, AgreementFold::apply);

    private AgreementFold() {
    }

    /** The view after {@code event}: {@code view} changed, or a new view for the record's first event. */
    public static AgreementView apply(AgreementView view, AgreementEvent event) {
        AgreementView after = view == null ? newView(event) : view;
        if (event instanceof AgreementProposed proposed) {
            after.title = proposed.title();
            after.category = proposed.category() == null ? null : proposed.category().name();
            after.status = AgreementStatus.PROPOSED.name();
            after.parties.addAll(proposed.parties());
            after.proposedBy = proposed.proposedBy();
            after.proposedOn = proposed.proposedOn();
        } else if (event instanceof AgreementEntered entered) {
            after.title = entered.title();
            after.category = entered.category().name();
            after.status = AgreementStatus.ACTIVE.name();
            after.parties.clear();
            after.parties.addAll(entered.parties());
            after.enteredOn = entered.enteredOn();
            after.expiresOn = entered.expiresOn();
            after.firstEnteredYear = entered.firstEnteredYear();
            after.continues = entered.continues();
            after.coordinator = entered.coordinator();
            after.terms.add(new AgreementTermView(1, entered.enteredOn(), entered.expiresOn(), entered.parties()));
        } else if (event instanceof AgreementRenegotiationStarted) {
            after.status = AgreementStatus.RENEGOTIATION.name();
        } else if (event instanceof AgreementRenewed renewed) {
            after.status = AgreementStatus.ACTIVE.name();
            // A renewal after a lapse: the agreement is in force again, until the new term's end.
            after.endedOn = null;
            after.coordinator = renewed.coordinator();
            after.parties.clear();
            after.parties.addAll(renewed.parties());
            after.enteredOn = renewed.enteredOn();
            after.expiresOn = renewed.expiresOn();
            after.terms.add(new AgreementTermView(after.terms.size() + 1, renewed.enteredOn(), renewed.expiresOn(),
                    renewed.parties()));
        } else if (event instanceof AgreementTerminated terminated) {
            after.status = AgreementStatus.TERMINATED.name();
            after.endedOn = terminated.lastDayInForce();
            after.endReason = terminated.reason();
            after.currentTerm().endedOn = terminated.lastDayInForce();
        } else if (event instanceof AgreementSuperseded superseded) {
            after.status = AgreementStatus.SUPERSEDED.name();
            after.supersededBy = superseded.supersededBy();
            if (after.endedOn == null || superseded.lastDayInForce().isBefore(after.endedOn)) {
                after.endedOn = superseded.lastDayInForce();
            }
            AgreementTermView term = after.currentTerm();
            if (superseded.lastDayInForce().isBefore(term.expiresOn)) {
                term.endedOn = superseded.lastDayInForce();
            }
        } else if (event instanceof AgreementTermCorrected corrected) {
            after.enteredOn = corrected.enteredOn();
            after.expiresOn = corrected.expiresOn();
            AgreementTermView term = after.currentTerm();
            term.enteredOn = corrected.enteredOn();
            term.expiresOn = corrected.expiresOn();
        } else if (event instanceof AgreementExpired expired) {
            after.status = AgreementStatus.EXPIRED.name();
            after.endedOn = expired.lastDayInForce();
        }
        return after;
    }

    private static AgreementView newView(AgreementEvent event) {
        AgreementView view = new AgreementView();
        view.id = event.agreementId();
        return view;
    }
}
