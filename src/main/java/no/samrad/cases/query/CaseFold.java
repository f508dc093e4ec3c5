package no.samrad.cases.query;

import no.samrad.cases.api.CaseConcluded;
import no.samrad.cases.api.CaseDiscussed;
import no.samrad.cases.api.CaseFact;
import no.samrad.cases.api.CaseInputAdded;
import no.samrad.cases.api.CasePutOnAgenda;
import no.samrad.cases.api.CaseReported;
import no.samrad.cases.api.CaseStatus;
import no.samrad.cases.api.CaseWithdrawn;
import no.samrad.infrastructure.axon.TimeTravel;

/**
 * What each case event does to a case's view: the one fold the projection and time travel both
 * apply. The cost and law events change nothing here but the version.
 */
final class CaseFold {

    /** The fold as one step of a replay: for time travel, and for a rebuild of the read model. */
    public static final TimeTravel.Folder<CaseView> STEP = TimeTravel.folder(CaseFact.class, CaseFold::apply);

    private CaseFold() {
    }

    /** The view after {@code event}; a new view for the report. */
    public static CaseView apply(CaseView view, CaseFact event) {
        if (event instanceof CaseReported reported) {
            if (view != null) {
                return view;
            }
            CaseView created = new CaseView();
            created.kind = reported.kind().name();
            created.status = CaseStatus.REPORTED.name();
            created.titleSearch = CaseView.searchable(reported.title());
            created.summary = reported.summary();
            created.ministries.addAll(reported.ministries());
            created.report(reported, 0, null);
            return created;
        }
        if (view == null) {
            return null;
        }
        if (event instanceof CaseInputAdded added) {
            CaseInputView input = new CaseInputView();
            input.inputId = added.inputId();
            input.party = added.party();
            input.givenOn = added.givenOn();
            input.text = added.text();
            input.meetingId = added.meetingId();
            view.inputs.add(input);
        } else if (event instanceof CasePutOnAgenda placed) {
            CaseAgendaView item = new CaseAgendaView();
            item.meetingId = placed.meetingId();
            item.meetingDate = placed.meetingDate().toString();
            view.agenda.add(item);
            view.status = CaseStatus.ON_AGENDA.name();
        } else if (event instanceof CaseDiscussed discussed) {
            view.agenda.stream().filter(item -> item.meetingId.equals(discussed.meetingId())).forEach(item -> {
                item.outcome = discussed.outcome().name();
                item.note = discussed.note();
            });
            boolean awaiting = view.agenda.stream().anyMatch(item -> item.outcome == null);
            view.status = (awaiting ? CaseStatus.ON_AGENDA : CaseStatus.DISCUSSED).name();
        } else if (event instanceof CaseConcluded concluded) {
            view.status = CaseStatus.CONCLUDED.name();
            view.concludedOnText = concluded.concludedOn().toString();
            view.outcome = concluded.outcome();
            view.finalEstimateId = concluded.finalEstimateId();
        } else if (event instanceof CaseWithdrawn withdrawn) {
            view.status = CaseStatus.WITHDRAWN.name();
            view.withdrawnOn = withdrawn.withdrawnOn();
            view.withdrawReason = withdrawn.reason();
        }
        return view;
    }
}
