package no.samrad.cases.law.api;

import no.samrad.cases.api.CaseFact;

/** The facts only a law-participation case records. Each is a stored contract: see docs/events.md. */
public sealed interface LawParticipationEvent extends CaseFact
        permits LawParticipationRequested, LawParticipationDecided, LawMilestoneReached {
}
