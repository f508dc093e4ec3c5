package no.samrad.cases.law.query;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.samrad.cases.law.api.LawParticipationState;
import no.samrad.infrastructure.axon.TimeTravel;

/** Reads of the law-participation read model. */
@ApplicationScoped
public class LawParticipationQueries {

    private static final Comparator<LawParticipationView> NUMBER_ORDER = Comparator
            .comparingInt((LawParticipationView view) -> view.numberYear)
            .thenComparingInt(view -> view.numberSequence);

    private final TimeTravel timeTravel;

    LawParticipationQueries(TimeTravel timeTravel) {
        this.timeTravel = timeTravel;
    }

    public record Result(List<LawParticipationView> items, long total) {
    }

    public Optional<LawParticipationView> find(UUID id) {
        return LawParticipationView.findByIdOptional(id);
    }

    /** The requests in these states, in case-number order. */
    public Result list(Collection<LawParticipationState> states, int limit, int offset) {
        Parameters parameters = Parameters.with("states", states.stream().map(Enum::name).toList());
        String query = "from LawParticipationView l where l.state in :states";
        long total = LawParticipationProjection.COUNTS.total(Map.of("state", states.stream().map(Enum::name).toList()));
        List<LawParticipationView> items = LawParticipationView.<LawParticipationView>find(query
                + " order by l.numberYear, l.numberSequence", parameters).range(offset, offset + limit - 1).list();
        return new Result(items, total);
    }

    /**
     * Appendix b of a meeting's material: the law-participation cases carried over to it, that is
     * reported to an earlier meeting by {@code day} and not concluded or withdrawn by then.
     */
    public List<LawParticipationView> openOn(LocalDate day, UUID meeting) {
        return LawParticipationView.<LawParticipationView>find("from LawParticipationView l"
                        + " where l.reportedFrom <= :day and l.meetingId <> :meeting"
                        + " and (l.endedFrom is null or l.endedFrom > :day)"
                        + " order by l.numberYear, l.numberSequence",
                Parameters.with("day", day).and("meeting", meeting)).list();
    }

    /** The request as it stood at {@code instant}, folded from the events recorded up to it. */
    public Optional<LawParticipationView> find(UUID id, Instant instant) {
        return timeTravel.fold(id.toString(), instant, LawParticipationFold.STEP);
    }

    /** The record as it stood right after its event {@code version}, folded from its events. */
    public Optional<LawParticipationView> find(UUID id, long version) {
        return timeTravel.foldTo(id.toString(), version, LawParticipationFold.STEP);
    }

    /** {@link #list} as it would have been answered at {@code instant}. */
    public Result list(Collection<LawParticipationState> states, Instant instant, int limit, int offset) {
        List<LawParticipationView> matching = all(instant).stream()
                .filter(view -> states.contains(LawParticipationState.valueOf(view.state))).sorted(NUMBER_ORDER)
                .toList();
        return new Result(TimeTravel.page(matching, limit, offset), matching.size());
    }

    /** {@link #openOn} as the record stood at {@code instant}. */
    public List<LawParticipationView> openOn(LocalDate day, UUID meeting, Instant instant) {
        return all(instant).stream()
                .filter(view -> !view.reportedFrom.isAfter(day) && !view.meetingId.equals(meeting)
                        && (view.endedFrom == null || view.endedFrom.isAfter(day)))
                .sorted(NUMBER_ORDER).toList();
    }

    /** Every law-participation request recorded by {@code instant}, as it stood then. */
    public List<LawParticipationView> all(Instant instant) {
        return timeTravel.foldAll("Case", instant, LawParticipationFold.STEP);
    }

}
