package no.samrad.cases.law.query;

import no.samrad.cases.api.CaseConcluded;
import no.samrad.cases.api.CaseFact;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.CaseReported;
import no.samrad.cases.api.CaseWithdrawn;
import no.samrad.cases.law.api.LawMilestoneReached;
import no.samrad.cases.law.api.LawParticipationDecided;
import no.samrad.cases.law.api.LawParticipationDecision;
import no.samrad.cases.law.api.LawParticipationRequested;
import no.samrad.cases.law.api.LawParticipationState;
import no.samrad.infrastructure.axon.TimeTravel;

/**
 * What each case event does to a law-participation case's view: the one fold the projection and
 * time travel both apply. Cases of other kinds have no view.
 */
final class LawParticipationFold {

    /** The fold as one step of a replay: for time travel, and for a rebuild of the read model. */
    public static final TimeTravel.Folder<LawParticipationView> STEP =
            TimeTravel.folder(CaseFact.class, LawParticipationFold::apply);

    private LawParticipationFold() {
    }

    /** The view after {@code event}; {@code null} while the case is not a law-participation case. */
    public static LawParticipationView apply(LawParticipationView view, CaseFact event) {
        if (event instanceof CaseReported reported) {
            if (view != null || reported.kind() != CaseKind.LAW_PARTICIPATION) {
                return view;
            }
            LawParticipationView created = new LawParticipationView();
            created.ministries = String.join(",", reported.ministries());
            created.requestedBy = reported.reportedBy();
            created.state = LawParticipationState.AWAITING_DECISION.name();
            created.report(reported, 0, null);
            return created;
        }
        if (view == null) {
            return null;
        }
        if (event instanceof LawParticipationRequested requested) {
            view.requestedBy = requested.requestedBy();
            view.lawTitle = requested.lawTitle();
            view.lawKind = requested.lawKind() == null ? null : requested.lawKind().name();
            view.eeaOrigin = requested.eeaOrigin();
        } else if (event instanceof LawParticipationDecided decided) {
            view.decision = decided.decision().name();
            view.decisionReasons = decided.reasons();
            view.decidedOnText = decided.decidedOn() == null ? null : decided.decidedOn().toString();
            view.state = (decided.decision() == LawParticipationDecision.ACCEPTED
                    ? LawParticipationState.IN_PROGRESS : LawParticipationState.DECLINED).name();
        } else if (event instanceof LawMilestoneReached reached) {
            LawMilestoneView milestone = new LawMilestoneView();
            milestone.milestone = reached.milestone().name();
            milestone.reachedOn = reached.reachedOn().toString();
            view.milestones.add(milestone);
        } else if (event instanceof CaseConcluded concluded) {
            view.state = LawParticipationState.CONCLUDED.name();
            view.endedFrom = concluded.concludedOn().earliest();
            view.concludedOnText = concluded.concludedOn().toString();
            view.outcome = concluded.outcome();
        } else if (event instanceof CaseWithdrawn withdrawn) {
            view.state = LawParticipationState.WITHDRAWN.name();
            view.endedFrom = withdrawn.withdrawnOn();
        }
        return view;
    }
}
