package no.samrad.costcase.query;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samrad.costcase.api.CostCaseStatus;

/** Reads of the cost-case read model. */
@ApplicationScoped
public class CostCaseQueries {

    public record Result(List<CostCaseView> items, long total) {
    }

    public Optional<CostCaseView> find(UUID id) {
        return CostCaseView.findByIdOptional(id);
    }

    /** The cost cases in these states, in case-number order. */
    public Result list(Collection<CostCaseStatus> statuses, int limit, int offset) {
        Parameters parameters = Parameters.with("statuses", statuses.stream().map(Enum::name).toList());
        String query = "from CostCaseView c where c.status in :statuses";
        long total = CostCaseView.count(query, parameters);
        List<CostCaseView> items = CostCaseView.<CostCaseView>find(query + " order by c.numberYear, c.numberSequence",
                parameters).range(offset, offset + limit - 1).list();
        return new Result(items, total);
    }

    /**
     * Appendix a of a meeting's material: the cost cases carried over to it, that is reported to
     * an earlier meeting by {@code day}, and either still open then or concluded earlier in that
     * year ("pågående arbeid og saker som er ferdigbehandlet i år").
     */
    public List<CostCaseView> carriedOverTo(UUID meeting, LocalDate day) {
        return CostCaseView.<CostCaseView>find("from CostCaseView c where c.reportedFrom <= :day"
                        + " and c.meetingId <> :meeting and (c.endedFrom is null or c.endedFrom > :day"
                        + " or (c.status = :concluded and c.endedFrom >= :yearStart))"
                        + " order by c.numberYear, c.numberSequence",
                Parameters.with("day", day).and("meeting", meeting).and("concluded", CostCaseStatus.CONCLUDED.name())
                        .and("yearStart", day.withDayOfYear(1))).list();
    }
}
