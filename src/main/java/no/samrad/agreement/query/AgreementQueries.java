package no.samrad.agreement.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import no.samrad.infrastructure.axon.PageElements;
import no.samrad.infrastructure.query.Criterion;

/** Reads of the agreement read model. */
@ApplicationScoped
public class AgreementQueries {


    /**
     * The agreements of the line {@code id} belongs to, from the first: each one the next
     * continues, and every agreement that continues one of them (a line may branch), in entry order.
     */
    public List<AgreementView> line(UUID id) {
        Optional<AgreementView> found = find(id);
        if (found.isEmpty()) {
            return List.of();
        }
        AgreementView first = found.get();
        Set<UUID> seen = new HashSet<>(List.of(first.id));
        while (first.continues != null && seen.add(first.continues)) {
            Optional<AgreementView> earlier = find(first.continues);
            if (earlier.isEmpty()) {
                break;
            }
            first = earlier.get();
        }
        List<AgreementView> line = new ArrayList<>(List.of(first));
        for (int next = 0; next < line.size(); next++) {
            AgreementView.<AgreementView>list("continues = ?1 order by enteredOn, id", line.get(next).id).stream()
                    .filter(view -> line.stream().noneMatch(known -> known.id.equals(view.id)))
                    .forEach(line::add);
        }
        return line;
    }

    public Optional<AgreementView> find(UUID id) {
        return AgreementView.findByIdOptional(id);
    }

    public record Result(List<ListItem> items, long total) {
    }

    /** An agreement as its list shows it. */
    public record ListItem(UUID id, String title, String status, String category, List<String> parties,
                           LocalDate enteredOn, LocalDate expiresOn, Integer firstEnteredYear) {

        static ListItem of(AgreementView view) {
            return new ListItem(view.id, view.title, view.status, view.category, List.copyOf(view.parties),
                    view.enteredOn, view.expiresOn, view.firstEnteredYear);
        }
    }

    /** The agreements that match, by expiry date (those without one last), then title. */
    public Result list(AgreementFilter filter, LocalDate today, int limit, int offset) {
        Criterion.Where rule = filter.rule(today).where();
        String where = " where " + rule.condition();
        long total = keptTotal(filter).orElseGet(() -> AgreementView.count("from AgreementView a" + where,
                rule.parameters()));
        // The page's columns and then its parties, as plain rows: no view is loaded or managed.
        EntityManager entityManager = AgreementView.getEntityManager();
        TypedQuery<Object[]> page = entityManager.createQuery("select a.id, a.title, a.status, a.category,"
                + " a.enteredOn, a.expiresOn, a.firstEnteredYear from AgreementView a" + where
                + " order by a.expiresOn asc nulls last, a.title, a.id", Object[].class);
        rule.parameters().forEach(page::setParameter);
        List<Object[]> rows = page.setFirstResult(offset).setMaxResults(limit).getResultList();
        Map<UUID, List<String>> parties = PageElements.of(AgreementView.class, "parties",
                rows.stream().map(row -> (UUID) row[0]).toList(), String.class);
        List<ListItem> items = rows.stream().map(row -> new ListItem((UUID) row[0], (String) row[1],
                (String) row[2], (String) row[3], parties.getOrDefault((UUID) row[0], List.of()), (LocalDate) row[4],
                (LocalDate) row[5], (Integer) row[6])).toList();
        return new Result(items, total);
    }

    /**
     * The list's total from the kept counts, where it filters by nothing but the status and the year
     * of expiry (which {@link AgreementProjection#COUNTS} counts by); the other filters are counted
     * with the list's own query.
     */
    private static Optional<Long> keptTotal(AgreementFilter filter) {
        if (filter.expiringWithinDays() != null || filter.inForceOn() != null || filter.party() != null) {
            return Optional.empty();
        }
        Map<String, List<?>> where = new HashMap<>();
        List<String> statuses = filter.status() == null ? null : List.of(filter.status().name());
        if (filter.expiringInYear() != null) {
            statuses = (statuses == null ? AgreementFilter.RUNNING_OR_EXPIRED : statuses).stream()
                    .filter(AgreementFilter.RUNNING_OR_EXPIRED::contains).toList();
            where.put("expiry_year", List.of(filter.expiringInYear()));
        }
        if (statuses != null) {
            where.put("status", statuses);
        }
        return Optional.of(AgreementProjection.COUNTS.total(where));
    }

    /** An agreement with the term it had in force on a given day. */
    public record TermInForce(AgreementView agreement, AgreementTermView term) {
    }

    /**
     * The agreements in force on {@code day}, each with the term in force then (the latest, where a
     * renewal overlapped its predecessor), welfare-service agreements first, then by entry date.
     */
    public List<TermInForce> inForceOn(LocalDate day) {
        Criterion.Where inForce = AgreementFilter.inForceOn(day).where();
        TypedQuery<AgreementView> candidates = AgreementView.getEntityManager()
                .createQuery("from AgreementView a where " + inForce.condition(), AgreementView.class);
        inForce.parameters().forEach(candidates::setParameter);
        return termsInForce(candidates.getResultList(), day);
    }

    /**
     * Of these agreements, those with a term in force on {@code day}, each with that term (the
     * latest, where a renewal overlapped its predecessor); welfare-service agreements first, then
     * by entry date.
     */
    static List<TermInForce> termsInForce(List<AgreementView> agreements, LocalDate day) {
        List<TermInForce> inForce = new ArrayList<>();
        for (AgreementView agreement : agreements) {
            agreement.terms.stream()
                    .filter(AgreementFilter.termInForceOn(day)::test)
                    .max(Comparator.comparingInt(term -> term.termNo))
                    .ifPresent(term -> inForce.add(new TermInForce(agreement, term)));
        }
        return inForce.stream()
                .sorted(Comparator.comparing((TermInForce row) -> !"WELFARE_SERVICES".equals(row.agreement().category))
                        .thenComparing(row -> row.term().enteredOn)
                        .thenComparing(row -> row.agreement().title))
                .toList();
    }

    /** Running agreements whose expiry date lies before {@code today}. */
    public List<UUID> dueForExpiry(LocalDate today) {
        return AgreementView.getEntityManager()
                .createQuery("select a.id from AgreementView a where a.status in :running and a.expiresOn < :today"
                        + " order by a.expiresOn", UUID.class)
                .setParameter("running", AgreementFilter.RUNNING)
                .setParameter("today", today)
                .getResultList();
    }
}
