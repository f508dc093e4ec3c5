package no.samrad.agreement.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import no.samrad.agreement.api.AgreementStatus;
import no.samrad.infrastructure.query.Criterion;
import no.samrad.infrastructure.query.Elements;
import no.samrad.infrastructure.query.Field;

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

    private static final Field<AgreementView, String> STATUS = Field.of("a.status", view -> view.status);
    private static final Field<AgreementView, LocalDate> EXPIRES_ON = Field.of("a.expiresOn", view -> view.expiresOn);
    private static final Elements<AgreementView, AgreementTermView> TERMS =
            Elements.of("AgreementView", "a", "terms", "t", view -> view.terms);
    private static final Elements<AgreementView, String> PARTIES =
            Elements.of("AgreementView", "a", "parties", "p", view -> view.parties);
    private static final Field<String, String> PARTY = Field.of("p", code -> code);
    private static final Field<AgreementTermView, LocalDate> TERM_ENTERED_ON =
            Field.of("t.enteredOn", term -> term.enteredOn);
    /** A term's last day in force: the day it ended early, or else its expiry. */
    private static final Field<AgreementTermView, LocalDate> TERM_LAST_DAY = Field.of(
            "coalesce(t.endedOn, t.expiresOn)", term -> term.endedOn == null ? term.expiresOn : term.endedOn);

    /**
     * The list's rule with {@code today} for the filters that count from it: the one definition
     * that {@link AgreementQueries#list} runs in the database and time travel tests the views it
     * folds with.
     */
    public Criterion<AgreementView> rule(LocalDate today) {
        List<Criterion<AgreementView>> rules = new ArrayList<>();
        if (status != null) {
            rules.add(STATUS.equalTo(status.name()));
        }
        if (expiringInYear != null) {
            rules.add(Criterion.allOf(EXPIRES_ON.between(LocalDate.of(expiringInYear, 1, 1),
                    LocalDate.of(expiringInYear, 12, 31)), STATUS.in(RUNNING_OR_EXPIRED)));
        }
        if (expiringWithinDays != null) {
            rules.add(Criterion.allOf(EXPIRES_ON.between(today, today.plusDays(expiringWithinDays)),
                    STATUS.in(RUNNING)));
        }
        if (inForceOn != null) {
            rules.add(inForceOn(inForceOn));
        }
        if (party != null) {
            rules.add(PARTIES.any(PARTY.equalTo(party)));
        }
        return Criterion.allOf(rules);
    }

    /** Agreements with a term in force on {@code day}. */
    static Criterion<AgreementView> inForceOn(LocalDate day) {
        return TERMS.any(termInForceOn(day));
    }

    /** A term in force on {@code day}: entered by then, and not yet expired or ended. */
    static Criterion<AgreementTermView> termInForceOn(LocalDate day) {
        return Criterion.allOf(TERM_ENTERED_ON.atMost(day), TERM_LAST_DAY.atLeast(day));
    }
}
