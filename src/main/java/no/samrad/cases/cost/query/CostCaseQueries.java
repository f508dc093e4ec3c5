package no.samrad.cases.cost.query;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.samrad.cases.cost.api.CostCaseStatus;
import no.samrad.infrastructure.axon.PageElements;
import no.samrad.infrastructure.axon.TimeTravel;
import no.samrad.infrastructure.query.Criterion;
import no.samrad.infrastructure.query.Field;

/** Reads of the cost-case read model. */
@ApplicationScoped
public class CostCaseQueries {

    private static final Comparator<CostCaseView> NUMBER_ORDER = Comparator
            .comparingInt((CostCaseView view) -> view.numberYear).thenComparingInt(view -> view.numberSequence);

    private static final Field<CostCaseView, LocalDate> REPORTED_FROM = Field.of("c.reportedFrom",
            view -> view.reportedFrom);
    private static final Field<CostCaseView, UUID> MEETING = Field.of("c.meetingId", view -> view.meetingId);
    private static final Field<CostCaseView, LocalDate> ENDED_FROM = Field.of("c.endedFrom", view -> view.endedFrom);
    private static final Field<CostCaseView, String> STATUS = Field.of("c.status", view -> view.status);

    private final TimeTravel timeTravel;

    CostCaseQueries(TimeTravel timeTravel) {
        this.timeTravel = timeTravel;
    }

    public record Result(List<ListItem> items, long total) {
    }

    /** A cost case as its list shows it, with the estimate it now reckons with ({@code null} for none yet). */
    public record ListItem(UUID id, String caseNumber, String title, List<String> ministries, String reform,
                           String status, UUID meetingId, String reportedOnText, CostEstimateView latestEstimate) {

        static ListItem of(CostCaseView view) {
            return new ListItem(view.id, view.caseNumber, view.title, view.ministryCodes(), view.reform, view.status,
                    view.meetingId, view.reportedOnText, view.latestEstimate().orElse(null));
        }
    }

    public Optional<CostCaseView> find(UUID id) {
        return CostCaseView.findByIdOptional(id);
    }

    /** The cost cases in these states, in case-number order. */
    public Result list(Collection<CostCaseStatus> statuses, int limit, int offset) {
        Parameters parameters = Parameters.with("statuses", statuses.stream().map(Enum::name).toList());
        String query = "from CostCaseView c where c.status in :statuses";
        long total = CostCaseProjection.COUNTS.total(Map.of("status", statuses.stream().map(Enum::name).toList()));
        // The page's columns and then its estimates, as plain rows: no view is loaded or managed.
        EntityManager entityManager = CostCaseView.getEntityManager();
        TypedQuery<Object[]> page = entityManager.createQuery("select c.id, c.caseNumber, c.title, c.ministries,"
                + " c.reform, c.status, c.meetingId, c.reportedOnText " + query
                + " order by c.numberYear, c.numberSequence", Object[].class);
        parameters.map().forEach(page::setParameter);
        List<Object[]> rows = page.setFirstResult(offset).setMaxResults(limit).getResultList();
        Map<UUID, List<CostEstimateView>> estimates = PageElements.of(CostCaseView.class, "estimates",
                rows.stream().map(row -> (UUID) row[0]).toList(), CostEstimateView.class);
        List<ListItem> items = rows.stream().map(row -> new ListItem((UUID) row[0], (String) row[1], (String) row[2],
                CostCaseView.codes((String) row[3]), (String) row[4], (String) row[5], (UUID) row[6], (String) row[7],
                CostCaseView.latestOf(estimates.getOrDefault((UUID) row[0], List.of())).orElse(null))).toList();
        return new Result(items, total);
    }

    /**
     * Appendix a of a meeting's material: the cost cases carried over to it, that is reported to
     * an earlier meeting by {@code day}, and either still open then or concluded earlier in that
     * year ("pågående arbeid og saker som er ferdigbehandlet i år").
     */
    public List<CostCaseView> carriedOverTo(UUID meeting, LocalDate day) {
        Criterion.Where rule = carriedOver(meeting, day).where();
        return CostCaseView.<CostCaseView>find("from CostCaseView c where " + rule.condition()
                + " order by c.numberYear, c.numberSequence", rule.parameters()).list();
    }


    /** The rule of appendix a, for today's table and for the table as it stood at an earlier time. */
    static Criterion<CostCaseView> carriedOver(UUID meeting, LocalDate day) {
        return Criterion.allOf(REPORTED_FROM.atMost(day), MEETING.notEqualTo(meeting),
                Criterion.anyOf(ENDED_FROM.isNull(), ENDED_FROM.after(day), Criterion.allOf(
                        STATUS.equalTo(CostCaseStatus.CONCLUDED.name()), ENDED_FROM.atLeast(day.withDayOfYear(1)))));
    }

    /** The cost case as it stood at {@code instant}, folded from the events recorded up to it. */
    public Optional<CostCaseView> find(UUID id, Instant instant) {
        return timeTravel.fold(id.toString(), instant, CostCaseFold.STEP);
    }

    /** The record as it stood right after its event {@code version}, folded from its events. */
    public Optional<CostCaseView> find(UUID id, long version) {
        return timeTravel.foldTo(id.toString(), version, CostCaseFold.STEP);
    }

    /** {@link #list} as it would have been answered at {@code instant}. */
    public Result list(Collection<CostCaseStatus> statuses, Instant instant, int limit, int offset) {
        List<CostCaseView> matching = all(instant).stream()
                .filter(view -> statuses.contains(CostCaseStatus.valueOf(view.status))).sorted(NUMBER_ORDER).toList();
        return new Result(TimeTravel.page(matching, limit, offset).stream().map(ListItem::of).toList(),
                matching.size());
    }

    /** {@link #carriedOverTo} as the record stood at {@code instant}. */
    public List<CostCaseView> carriedOverTo(UUID meeting, LocalDate day, Instant instant) {
        return all(instant).stream().filter(carriedOver(meeting, day)::test).sorted(NUMBER_ORDER).toList();
    }

    /** Every cost case recorded by {@code instant}, as it stood then. */
    public List<CostCaseView> all(Instant instant) {
        return timeTravel.foldAll("Case", instant, CostCaseFold.STEP);
    }

}
