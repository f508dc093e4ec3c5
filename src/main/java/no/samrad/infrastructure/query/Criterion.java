package no.samrad.infrastructure.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One definition of a list's rule, answered two ways: as an HQL condition, for the list as it is
 * now in the read model's tables, and as a test of a view held in memory, for the list as it stood
 * at an earlier time (folded from the events). Both follow SQL's comparisons: a missing (null)
 * value satisfies no comparison but {@link Field#isNull()}.
 *
 * @param <V> the view the rule judges
 */
public final class Criterion<V> {

    private final Predicate<V> test;
    private final Hql hql;

    private Criterion(Predicate<V> test, Hql hql) {
        this.test = test;
        this.hql = hql;
    }

    static <V> Criterion<V> of(Predicate<V> test, Hql hql) {
        return new Criterion<>(test, hql);
    }

    /** Whether a view held in memory meets the rule. */
    public boolean test(V view) {
        return test.test(view);
    }

    /** The rule as an HQL condition; its parameters are added to {@code parameters}. */
    public String hql(Map<String, Object> parameters) {
        return hql.write(parameters);
    }

    /** The rule as an HQL condition with a fresh set of parameters. */
    public Where where() {
        Map<String, Object> parameters = new HashMap<>();
        String condition = hql(parameters);
        return new Where(condition, Map.copyOf(parameters));
    }

    /** An HQL condition and the values of its parameters. */
    public record Where(String condition, Map<String, Object> parameters) {
    }

    /** Every view. */
    public static <V> Criterion<V> always() {
        return new Criterion<>(view -> true, parameters -> "1 = 1");
    }

    /** Views that meet every one of {@code criteria} (every view, when there are none). */
    @SafeVarargs
    public static <V> Criterion<V> allOf(Criterion<V>... criteria) {
        return allOf(List.of(criteria));
    }

    /** Views that meet every one of {@code criteria} (every view, when there are none). */
    public static <V> Criterion<V> allOf(List<Criterion<V>> criteria) {
        if (criteria.isEmpty()) {
            return always();
        }
        return new Criterion<>(view -> criteria.stream().allMatch(criterion -> criterion.test(view)),
                parameters -> criteria.stream().map(criterion -> "(" + criterion.hql(parameters) + ")")
                        .collect(Collectors.joining(" and ")));
    }

    /** Views that meet at least one of {@code criteria}. */
    @SafeVarargs
    public static <V> Criterion<V> anyOf(Criterion<V>... criteria) {
        List<Criterion<V>> all = List.of(criteria);
        return new Criterion<>(view -> all.stream().anyMatch(criterion -> criterion.test(view)),
                parameters -> all.stream().map(criterion -> "(" + criterion.hql(parameters) + ")")
                        .collect(Collectors.joining(" or ")));
    }

    /** Writes a condition, naming each value it compares with as a parameter. */
    @FunctionalInterface
    interface Hql {
        String write(Map<String, Object> parameters);

        /** Adds {@code value} as a parameter of its own and returns its reference in the condition. */
        static String parameter(Map<String, Object> parameters, Object value) {
            String name = "rule" + parameters.size();
            parameters.put(name, value);
            return ":" + name;
        }
    }
}
