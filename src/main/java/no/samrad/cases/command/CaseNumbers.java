package no.samrad.cases.command;

import no.samrad.cases.api.CaseNumber;

/**
 * Gives out case numbers, one sequence per year. A number is taken inside the transaction that
 * records the case, so that a refused report gives its number back and the sequence has no gaps.
 */
public interface CaseNumbers {

    CaseNumber next(int year);
}
