package no.samrad.cases.law.api;

/** The responsible ministry's answer to a request for law participation. */
public enum LawParticipationDecision {
    ACCEPTED,
    DECLINED
}
