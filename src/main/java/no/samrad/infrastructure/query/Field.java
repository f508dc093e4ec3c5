package no.samrad.infrastructure.query;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;

/**
 * A value of a view that a list's rule compares: its HQL expression (with the query's alias) and
 * how to read it from a view held in memory. The comparisons are {@link Criterion}s.
 *
 * @param <V> the view
 * @param <T> the value's type
 */
public final class Field<V, T extends Comparable<? super T>> {

    private final String hql;
    private final Function<V, T> value;

    private Field(String hql, Function<V, T> value) {
        this.hql = hql;
        this.value = value;
    }

    /** The value {@code hql} (say {@code c.reportedFrom}) of the query, read as {@code value} from a view. */
    public static <V, T extends Comparable<? super T>> Field<V, T> of(String hql, Function<V, T> value) {
        return new Field<>(hql, value);
    }

    public Criterion<V> equalTo(T other) {
        return compare("=", other, order -> order == 0);
    }

    public Criterion<V> notEqualTo(T other) {
        return compare("<>", other, order -> order != 0);
    }

    /** On or before {@code other}. */
    public Criterion<V> atMost(T other) {
        return compare("<=", other, order -> order <= 0);
    }

    /** On or after {@code other}. */
    public Criterion<V> atLeast(T other) {
        return compare(">=", other, order -> order >= 0);
    }

    /** Strictly after {@code other}. */
    public Criterion<V> after(T other) {
        return compare(">", other, order -> order > 0);
    }

    /** From {@code first} to {@code last}, both included. */
    public Criterion<V> between(T first, T last) {
        return Criterion.allOf(atLeast(first), atMost(last));
    }

    public Criterion<V> in(Collection<T> values) {
        return Criterion.of(view -> {
            T found = value.apply(view);
            return found != null && values.contains(found);
        }, parameters -> hql + " in " + Criterion.Hql.parameter(parameters, values));
    }

    public Criterion<V> isNull() {
        return Criterion.of(view -> value.apply(view) == null, parameters -> hql + " is null");
    }

    private Criterion<V> compare(String operator, T other, java.util.function.IntPredicate holds) {
        Objects.requireNonNull(other, "a rule compares with a value");
        return Criterion.of(view -> {
            T found = value.apply(view);
            return found != null && holds.test(found.compareTo(other));
        }, parameters -> hql + " " + operator + " " + Criterion.Hql.parameter(parameters, other));
    }
}
