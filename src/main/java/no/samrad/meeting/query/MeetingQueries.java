package no.samrad.meeting.query;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.samrad.infrastructure.axon.TimeTravel;
import no.samrad.infrastructure.web.QueryParams;
import no.samrad.meeting.api.MeetingKind;
import no.samrad.meeting.api.MeetingStatus;

/** Reads of the meeting read model. */
@ApplicationScoped
public class MeetingQueries {

    /**
     * The meeting list's filters; each one left {@code null} does not filter. {@code kind} is the
     * kind the record keeps ({@code FIRST_CONSULTATION} is {@code CONSULTATION} with number 1).
     */
    public record Filter(Integer year, MeetingKind kind, Integer number, MeetingStatus status, String ministry) {

        public Filter {
            if (kind != null && kind.impliedNumber() != null) {
                if (number != null && !number.equals(kind.impliedNumber())) {
                    throw QueryParams.invalid("number", kind + " is consultation meeting number "
                            + kind.impliedNumber());
                }
                number = kind.impliedNumber();
                kind = kind.recorded();
            }
        }
    }

    public record Result(List<MeetingView> items, long total) {
    }

    private final TimeTravel timeTravel;

    MeetingQueries(TimeTravel timeTravel) {
        this.timeTravel = timeTravel;
    }

    public Optional<MeetingView> find(UUID id) {
        return MeetingView.findByIdOptional(id);
    }

    /** The meeting as it stood at {@code instant}, folded from the events recorded up to it. */
    public Optional<MeetingView> find(UUID id, Instant instant) {
        return timeTravel.fold(id.toString(), instant, MeetingFold.STEP);
    }

    /** The record as it stood right after its event {@code version}, folded from its events. */
    public Optional<MeetingView> find(UUID id, long version) {
        return timeTravel.foldTo(id.toString(), version, MeetingFold.STEP);
    }

    /** Every meeting recorded by {@code instant}, as it stood then. */
    public List<MeetingView> all(Instant instant) {
        return timeTravel.foldAll("Meeting", instant, MeetingFold.STEP);
    }

    /** Restricts the kept counts to the year, kind and status asked for, where they are. */
    private static Map<String, List<?>> keptCountsWhere(Filter filter) {
        Map<String, List<?>> where = new HashMap<>();
        if (filter.year() != null) {
            where.put("meeting_year", List.of(filter.year()));
        }
        if (filter.kind() != null) {
            where.put("kind", List.of(filter.kind().name()));
        }
        if (filter.status() != null) {
            where.put("status", List.of(filter.status().name()));
        }
        return where;
    }

    /** The meetings that match, in date order. */
    public Result list(Filter filter, int limit, int offset) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.year() != null) {
            conditions.add("m.dateFrom between :yearStart and :yearEnd");
            parameters.and("yearStart", LocalDate.of(filter.year(), 1, 1))
                    .and("yearEnd", LocalDate.of(filter.year(), 12, 31));
        }
        if (filter.kind() != null) {
            conditions.add("m.kind = :kind");
            parameters.and("kind", filter.kind().name());
        }
        if (filter.number() != null) {
            conditions.add("m.number = :number");
            parameters.and("number", filter.number());
        }
        if (filter.status() != null) {
            conditions.add("m.status = :status");
            parameters.and("status", filter.status().name());
        }
        if (filter.ministry() != null) {
            conditions.add("m.ministry = :ministry");
            parameters.and("ministry", filter.ministry());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = filter.ministry() != null || filter.number() != null ? MeetingView.count("from MeetingView m" + where, parameters)
                : MeetingProjection.COUNTS.total(keptCountsWhere(filter));
        List<MeetingView> items = MeetingView.<MeetingView>find("from MeetingView m" + where
                        + " order by m.dateFrom, m.title, m.id", parameters)
                .range(offset, offset + limit - 1)
                .list();
        return new Result(items, total);
    }
}
