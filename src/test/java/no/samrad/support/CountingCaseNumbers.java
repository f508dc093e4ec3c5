package no.samrad.support;

import java.util.HashMap;
import java.util.Map;
import no.samrad.cases.api.CaseNumber;
import no.samrad.cases.command.CaseNumbers;

/** Case numbers for tests without the database: a counter per year. */
public final class CountingCaseNumbers implements CaseNumbers {

    private final Map<Integer, Integer> last = new HashMap<>();

    @Override
    public CaseNumber next(int year) {
        return new CaseNumber(year, last.merge(year, 1, Integer::sum));
    }
}
