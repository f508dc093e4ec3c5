package no.samrad.infrastructure.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads a stored event of an older revision that lacked fields added since: gives it the newer
 * revision with those fields present and empty, which is what they meant before they existed.
 */
public final class AddedFieldsUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final String toRevision;
    private final List<String> added;

    public AddedFieldsUpcaster(Class<?> eventType, String fromRevision, String toRevision, String... added) {
        this.from = new SimpleSerializedType(eventType.getName(), fromRevision);
        this.toRevision = toRevision;
        this.added = List.of(added);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return from.getName().equals(representation.getType().getName())
                && Objects.equals(from.getRevision(), representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(from.getName(), toRevision), JsonNode.class,
                payload -> {
                    ObjectNode event = (ObjectNode) payload;
                    added.forEach(field -> {
                        if (!event.has(field)) {
                            event.putNull(field);
                        }
                    });
                    return event;
                });
    }
}
