package no.samrad.cases.api;

import java.util.UUID;
import no.samrad.infrastructure.api.EffectiveDated;

/**
 * Every event in a case's stream: the events all cases share ({@link CaseEvent}) and those of the
 * cost-calculation and law-participation capabilities.
 */
public interface CaseFact extends EffectiveDated {

    UUID caseId();
}
