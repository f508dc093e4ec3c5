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
import no.samrad.infrastructure.query.Criterion;
import no.samrad.infrastructure.query.Field;

/** Reads of the law-participation read model. */
@ApplicationScoped
public class LawParticipationQueries {

    private static final Comparator<LawParticipationView> NUMBER_ORDER = Comparator
            .comparingInt((LawParticipationView view) -> view.numberYear)
            .thenComparingInt(view -> view.numberSequence);

    private static final Field<LawParticipationView, LocalDate> REPORTED_FROM = Field.of("l.reportedFrom",
            view -> view.reportedFrom);
    private static final Field<LawParticipationView, UUID> MEETING = Field.of("l.meetingId", view -> view.meetingId);
    private static final Field<LawParticipationView, LocalDate> ENDED_FROM = Field.of("l.endedFrom",
            view -> view.endedFrom);

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
        Criterion.Where rule = open(day, meeting).where();
        return LawParticipationView.<LawParticipationView>find("from LawParticipationView l where "
                + rule.condition() + " order by l.numberYear, l.numberSequence", rule.parameters()).list();
    }


    /** The rule of appendix b, for today's table and for the table as it stood at an earlier time. */
    static Criterion<LawParticipationView> open(LocalDate day, UUID meeting) {
        return Criterion.allOf(REPORTED_FROM.atMost(day), MEETING.notEqualTo(meeting),
                Criterion.anyOf(ENDED_FROM.isNull(), ENDED_FROM.after(day)));
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
        return all(instant).stream().filter(open(day, meeting)::test).sorted(NUMBER_ORDER).toList();
    }

    /** Every law-participation request recorded by {@code instant}, as it stood then. */
    public List<LawParticipationView> all(Instant instant) {
        return timeTravel.foldAll("Case", instant, LawParticipationFold.STEP);
    }

}
