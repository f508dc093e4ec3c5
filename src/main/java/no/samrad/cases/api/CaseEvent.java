package no.samrad.cases.api;

/** The facts every kind of case records. Each is a stored contract: see docs/events.md. */
sealed interface CaseEvent extends CaseFact permits CaseReported, CaseInputAdded, CasePutOnAgenda,
        CaseDiscussed, CaseConcluded, CaseWithdrawn {
}
