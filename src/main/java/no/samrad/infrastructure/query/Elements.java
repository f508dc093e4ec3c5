package no.samrad.infrastructure.query;

import java.util.Collection;
import java.util.function.Function;

/**
 * A collection of a view (its terms, its parties) that a list's rule looks into: a view matches
 * when one of its elements meets a rule of the elements.
 *
 * @param <V> the view
 * @param <E> the element
 */
public final class Elements<V, E> {

    private final String entity;
    private final String viewAlias;
    private final String path;
    private final String elementAlias;
    private final Function<V, Collection<E>> elements;

    private Elements(String entity, String viewAlias, String path, String elementAlias,
                     Function<V, Collection<E>> elements) {
        this.entity = entity;
        this.viewAlias = viewAlias;
        this.path = path;
        this.elementAlias = elementAlias;
        this.elements = elements;
    }

    /**
     * The collection {@code path} of the entity {@code entity}, whose list query calls it
     * {@code viewAlias}; its elements are called {@code elementAlias} in the rules of the elements.
     */
    public static <V, E> Elements<V, E> of(String entity, String viewAlias, String path, String elementAlias,
                                           Function<V, Collection<E>> elements) {
        return new Elements<>(entity, viewAlias, path, elementAlias, elements);
    }

    /** Views with at least one element that meets {@code rule}. */
    public Criterion<V> any(Criterion<E> rule) {
        String owner = elementAlias + "_owner";
        return Criterion.of(view -> elements.apply(view).stream().anyMatch(rule::test),
                parameters -> "exists (select 1 from " + entity + " " + owner + " join " + owner + "." + path + " "
                        + elementAlias + " where " + owner + ".id = " + viewAlias + ".id and "
                        + rule.hql(parameters) + ")");
    }
}
