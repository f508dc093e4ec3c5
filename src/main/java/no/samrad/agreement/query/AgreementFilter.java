package no.samrad.agreement.query;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import no.samrad.agreement.api.AgreementStatus;

/**
 * The agreement list's filters; each one left {@code null} does not filter.
 *
 * @param expiringInYear     agreements whose current term runs out in that calendar year (active,
 *                           under renegotiation or already expired; not those ended otherwise)
 * @param expiringWithinDays running agreements whose expiry date lies from today to today + N days
 * @param inForceOn          agreements with a term in force on that date
 */
public record AgreementFilter(Integer expiringInYear, Integer expiringWithinDays, LocalDate inForceOn, String party,
                              AgreementStatus status) {

    /** The states in which an agreement is still running: in force, perhaps being renegotiated. */
    static final List<String> RUNNING = List.of(AgreementStatus.ACTIVE.name(), AgreementStatus.RENEGOTIATION.name());
    static final List<String> RUNNING_OR_EXPIRED = List.of(AgreementStatus.ACTIVE.name(),
            AgreementStatus.RENEGOTIATION.name(), AgreementStatus.EXPIRED.name());

    /** The list's order: by expiry date (those without one last), then title. */
    public static final Comparator<AgreementView> ORDER = Comparator
            .comparing((AgreementView view) -> view.expiresOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(view -> view.title)
            .thenComparing(view -> view.id);

    /**
     * Whether a view held in memory matches, as {@link AgreementQueries#list} decides it in the
     * database (time travel filters the views it folds with this).
     */
    public boolean matches(AgreementView view, LocalDate today) {
        if (status != null && !status.name().equals(view.status)) {
            return false;
        }
        if (expiringInYear != null && !(view.expiresOn != null && view.expiresOn.getYear() == expiringInYear
                && RUNNING_OR_EXPIRED.contains(view.status))) {
            return false;
        }
        if (expiringWithinDays != null && !(view.expiresOn != null && !view.expiresOn.isBefore(today)
                && !view.expiresOn.isAfter(today.plusDays(expiringWithinDays)) && RUNNING.contains(view.status))) {
            return false;
        }
        if (inForceOn != null && view.terms.stream().noneMatch(term -> !term.enteredOn.isAfter(inForceOn)
                && !(term.endedOn == null ? term.expiresOn : term.endedOn).isBefore(inForceOn))) {
            return false;
        }
        return party == null || view.parties.contains(party);
    }
}
