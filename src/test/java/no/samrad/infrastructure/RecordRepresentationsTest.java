package no.samrad.infrastructure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.samrad.infrastructure.web.RecordRepresentation;
import no.samrad.infrastructure.web.idempotency.Idempotent;
import org.junit.jupiter.api.Test;

/**
 * A retry whose first request died after its command committed is answered with the record at
 * the collection its path names; so every idempotent command names a collection that can answer.
 */
@QuarkusTest
class RecordRepresentationsTest {

    @Inject
    BeanManager beans;

    @Inject
    @Any
    Instance<RecordRepresentation> representations;

    @Test
    void everyIdempotentCommandAnswersFromACollectionWithARepresentation() {
        Set<String> collections = representations.stream().map(RecordRepresentation::collection)
                .collect(Collectors.toSet());
        List<String> idempotent = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path root = bean.getBeanClass().getAnnotation(Path.class);
            for (Method method : root == null ? new Method[0] : bean.getBeanClass().getDeclaredMethods()) {
                if (method.isAnnotationPresent(Idempotent.class)) {
                    idempotent.add(root.value());
                }
            }
        }
        assertTrue(idempotent.size() >= 20, "the idempotent commands were found: " + idempotent);
        for (String path : idempotent) {
            String collection = path.substring("/api/v1/".length()).split("/")[0];
            assertTrue(collections.contains(collection), path + " answers from " + collection + ", which has no"
                    + " representation among " + collections);
        }
    }
}
