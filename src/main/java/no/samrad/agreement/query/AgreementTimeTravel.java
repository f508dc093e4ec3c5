package no.samrad.agreement.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.samrad.infrastructure.axon.TimeTravel;

/** Agreements as they stood at an instant of recorded time, folded with the projection's own fold. */
@ApplicationScoped
public class AgreementTimeTravel {

    private final TimeTravel timeTravel;

    AgreementTimeTravel(TimeTravel timeTravel) {
        this.timeTravel = timeTravel;
    }

    /** The agreement as it stood at {@code instant}, or empty if it had not been recorded by then. */
    public Optional<AgreementView> asOf(UUID id, Instant instant) {
        return timeTravel.fold(id.toString(), instant, AgreementFold.STEP);
    }

    /** The agreement as it stood right after its event {@code version}. */
    public Optional<AgreementView> atVersion(UUID id, long version) {
        return timeTravel.foldTo(id.toString(), version, AgreementFold.STEP);
    }

    /**
     * The list as it would have been answered at {@code instant}: every agreement recorded by then,
     * filtered as the list filters, in the list's order; {@code today} is the instant's date.
     */
    public AgreementQueries.Result list(AgreementFilter filter, Instant instant, LocalDate today, int limit,
                                        int offset) {
        List<AgreementView> matching = new ArrayList<>(all(instant).stream()
                .filter(filter.rule(today)::test).toList());
        matching.sort(AgreementFilter.ORDER);
        return new AgreementQueries.Result(TimeTravel.page(matching, limit, offset).stream()
                .map(AgreementQueries.ListItem::of).toList(), matching.size());
    }

    /** The agreements in force on {@code day} as the record stood at {@code instant}. */
    public List<AgreementQueries.TermInForce> inForceOn(LocalDate day, Instant instant) {
        return AgreementQueries.termsInForce(all(instant), day);
    }

    /** Every agreement recorded by {@code instant}, as it stood then. */
    public List<AgreementView> all(Instant instant) {
        return timeTravel.foldAll("Agreement", instant, AgreementFold.STEP);
    }

}
