package no.samrad.lawparticipation.query;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samrad.lawparticipation.api.LawParticipationState;

/** Reads of the law-participation read model. */
@ApplicationScoped
public class LawParticipationQueries {

    public record Result(List<LawParticipationView> items, long total) {
    }

    public Optional<LawParticipationView> find(UUID id) {
        return LawParticipationView.findByIdOptional(id);
    }

    /** The requests in these states, in case-number order. */
    public Result list(Collection<LawParticipationState> states, int limit, int offset) {
        Parameters parameters = Parameters.with("states", states.stream().map(Enum::name).toList());
        String query = "from LawParticipationView l where l.state in :states";
        long total = LawParticipationView.count(query, parameters);
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
}
