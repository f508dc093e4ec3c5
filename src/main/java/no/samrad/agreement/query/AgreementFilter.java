package no.samrad.agreement.query;

import java.time.LocalDate;
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
}
