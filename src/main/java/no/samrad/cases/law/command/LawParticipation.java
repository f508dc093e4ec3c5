package no.samrad.cases.law.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.samrad.cases.law.api.DecideLawParticipation;
import no.samrad.cases.law.api.LawMilestone;
import no.samrad.cases.law.api.LawMilestoneReached;
import no.samrad.cases.law.api.LawParticipationDecided;
import no.samrad.cases.law.api.LawParticipationDecision;
import no.samrad.cases.law.api.LawParticipationErrors;
import no.samrad.cases.law.api.LawParticipationState;
import no.samrad.cases.law.api.RecordLawMilestone;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.api.PartialDate;
import no.samrad.infrastructure.api.RequiredFields;
import no.samrad.party.api.Entitlement;

/**
 * The law-participation part of a case: the request waits for the responsible ministry's answer;
 * once accepted, the law's milestones are recorded. Decides the law-participation commands for the
 * case aggregate, which has checked the case's own state first.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class LawParticipation {

    private static final RequiredFields REQUIRED = new RequiredFields(LawParticipationErrors.LAW_FIELD_REQUIRED);

    private LawParticipationState state = LawParticipationState.AWAITING_DECISION;
    /** The milestones recorded, each with the day it was reached; they follow the order of {@link LawMilestone}. */
    private Map<LawMilestone, PartialDate> milestones = new EnumMap<>(LawMilestone.class);

    /** Only the responsible ministry answers a request, and only once. */
    public LawParticipationDecided decide(UUID caseId, DecideLawParticipation command, List<String> ministries,
                                          LocalDate ministriesOn, Entitlement entitlement) {
        entitlement.requireOneOf(caseId, ministries, ministriesOn, "answer a request for law participation");
        if (state != LawParticipationState.AWAITING_DECISION) {
            throw new DomainException(LawParticipationErrors.LAW_PARTICIPATION_STATE_CONFLICT,
                    "The request has been answered already; it is " + state + ".");
        }
        LawParticipationDecision decision = REQUIRED.present(command.decision(), "decision");
        if (command.reasons() == null || command.reasons().isBlank()) {
            throw REQUIRED.missing("reasons");
        }
        if (command.decidedOn() == null && !entitlement.system()) {
            throw REQUIRED.missing("decidedOn");
        }
        return new LawParticipationDecided(caseId, decision, command.reasons().strip(), command.decidedOn());
    }

    public LawMilestoneReached milestone(UUID caseId, RecordLawMilestone command) {
        if (state != LawParticipationState.IN_PROGRESS) {
            throw new DomainException(LawParticipationErrors.LAW_PARTICIPATION_STATE_CONFLICT,
                    "Milestones are recorded while KS takes part in the work; the request is " + state + ".");
        }
        LawMilestone milestone = REQUIRED.present(command.milestone(), "milestone");
        if (milestones.containsKey(milestone)) {
            throw new DomainException(LawParticipationErrors.MILESTONE_ALREADY_RECORDED,
                    "The case has recorded " + milestone + " already.", "milestone");
        }
        PartialDate reachedOn = REQUIRED.present(command.reachedOn(), "reachedOn");
        milestones.forEach((recorded, recordedOn) -> requireLifecycleOrder(recorded, recordedOn, milestone, reachedOn));
        return new LawMilestoneReached(caseId, milestone, reachedOn);
    }

    /** A law is sent on consultation before its bill is presented, and presented before it enters into force. */
    private static void requireLifecycleOrder(LawMilestone recorded, PartialDate recordedOn, LawMilestone milestone,
                                              PartialDate reachedOn) {
        boolean earlierStepLater = recorded.compareTo(milestone) < 0
                && reachedOn.latest().isBefore(recordedOn.earliest());
        boolean laterStepEarlier = recorded.compareTo(milestone) > 0
                && recordedOn.latest().isBefore(reachedOn.earliest());
        if (earlierStepLater || laterStepEarlier) {
            throw new DomainException(LawParticipationErrors.MILESTONE_OUT_OF_ORDER, milestone + " on " + reachedOn
                    + " does not fit " + recorded + " on " + recordedOn + ": the milestones come in the order "
                    + java.util.Arrays.toString(LawMilestone.values()) + ".", "reachedOn");
        }
    }

    /** A request is concluded once answered; one still waiting is withdrawn instead. */
    public void requireConcludable() {
        if (state == LawParticipationState.AWAITING_DECISION) {
            throw new DomainException(LawParticipationErrors.LAW_PARTICIPATION_STATE_CONFLICT,
                    "The request still awaits the ministry's answer; withdraw it instead of concluding it.");
        }
    }

    public void on(LawParticipationDecided event) {
        state = event.decision() == LawParticipationDecision.ACCEPTED
                ? LawParticipationState.IN_PROGRESS : LawParticipationState.DECLINED;
    }

    public void on(LawMilestoneReached event) {
        milestones.put(event.milestone(), event.reachedOn());
    }
}
