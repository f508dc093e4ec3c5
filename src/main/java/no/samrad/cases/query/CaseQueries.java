package no.samrad.cases.query;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.samrad.cases.api.CaseKind;
import no.samrad.cases.api.CaseStatus;
import no.samrad.infrastructure.axon.TimeTravel;

/** Reads of the case read model. */
@ApplicationScoped
public class CaseQueries {

    /**
     * The case list's filters; each one left {@code null} does not filter. {@code meeting} finds the
     * cases reported to that meeting or put on its agenda; {@code text} the cases whose title holds
     * every word of it, whatever the letter case.
     */
    public record Filter(CaseKind kind, String ministry, UUID meeting, CaseStatus status, String text) {
    }

    public record Result(List<CaseView> items, long total) {
    }

    private final TimeTravel timeTravel;

    CaseQueries(TimeTravel timeTravel) {
        this.timeTravel = timeTravel;
    }

    public Optional<CaseView> find(UUID id) {
        return CaseView.findByIdOptional(id);
    }

    /** The case as it stood at {@code instant}, folded from the events recorded up to it. */
    public Optional<CaseView> find(UUID id, Instant instant) {
        return timeTravel.fold(id.toString(), instant, CaseFold.STEP);
    }

    /** The record as it stood right after its event {@code version}, folded from its events. */
    public Optional<CaseView> find(UUID id, long version) {
        return timeTravel.foldTo(id.toString(), version, CaseFold.STEP);
    }

    /** Every case recorded by {@code instant}, as it stood then. */
    public List<CaseView> all(Instant instant) {
        return timeTravel.foldAll("Case", instant, CaseFold.STEP);
    }

    /** The cases that match, in case-number order. */
    public Result list(Filter filter, int limit, int offset) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.kind() != null) {
            conditions.add("c.kind = :kind");
            parameters.and("kind", filter.kind().name());
        }
        if (filter.status() != null) {
            conditions.add("c.status = :status");
            parameters.and("status", filter.status().name());
        }
        if (filter.ministry() != null) {
            conditions.add(":ministry member of c.ministries");
            parameters.and("ministry", filter.ministry());
        }
        if (filter.meeting() != null) {
            conditions.add("(c.meetingId = :meeting or exists (select 1 from CaseView o join o.agenda a"
                    + " where o.id = c.id and a.meetingId = :meeting))");
            parameters.and("meeting", filter.meeting());
        }
        if (filter.text() != null) {
            List<String> words = Arrays.stream(CaseView.searchable(filter.text()).split("\\s+"))
                    .filter(word -> !word.isEmpty()).toList();
            for (int i = 0; i < words.size(); i++) {
                conditions.add("c.titleSearch like :word" + i + " escape '\\'");
                parameters.and("word" + i, "%" + escapeLike(words.get(i)) + "%");
            }
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = filter.ministry() != null || filter.meeting() != null || filter.text() != null
                ? CaseView.count("from CaseView c" + where, parameters)
                : CaseProjection.COUNTS.total(keptCountsWhere(filter.kind() == null ? null : filter.kind().name(),
                        filter.status() == null ? null : filter.status().name()));
        List<CaseView> items = CaseView.<CaseView>find("from CaseView c" + where
                        + " order by c.numberYear, c.numberSequence", parameters)
                .range(offset, offset + limit - 1)
                .list();
        return new Result(items, total);
    }

    /** Restricts the kept counts to the kind and status asked for, where they are. */
    private static Map<String, List<String>> keptCountsWhere(String kind, String status) {
        Map<String, List<String>> where = new HashMap<>();
        if (kind != null) {
            where.put("kind", List.of(kind));
        }
        if (status != null) {
            where.put("status", List.of(status));
        }
        return where;
    }

    /** The cases on a meeting's agenda, in case-number order. */
    public List<CaseView> onAgendaOf(UUID meeting) {
        return CaseView.<CaseView>find("select distinct c from CaseView c join c.agenda a where a.meetingId = :meeting"
                + " order by c.numberYear, c.numberSequence", Parameters.with("meeting", meeting)).list();
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
