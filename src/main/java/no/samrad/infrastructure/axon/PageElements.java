package no.samrad.infrastructure.axon;

import io.quarkus.hibernate.orm.panache.Panache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The elements of one ordered collection of a page's views, read in one query as plain rows, for
 * lists that show a collection (an agreement's parties, a cost case's estimates) without loading
 * the views themselves.
 */
public final class PageElements {

    private PageElements() {
    }

    /** For each view of {@code views} that has any, the elements of its {@code collection}, in order. */
    public static <T> Map<UUID, List<T>> of(Class<?> viewType, String collection, List<UUID> views,
                                            Class<T> elementType) {
        Map<UUID, List<T>> elements = new HashMap<>();
        if (views.isEmpty()) {
            return elements;
        }
        Panache.getEntityManager().createQuery("select v.id, e from " + viewType.getSimpleName() + " v join v."
                        + collection + " e where v.id in :views order by v.id, index(e)", Object[].class)
                .setParameter("views", views)
                .getResultList()
                .forEach(row -> elements.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                        .add(elementType.cast(row[1])));
        return elements;
    }
}
