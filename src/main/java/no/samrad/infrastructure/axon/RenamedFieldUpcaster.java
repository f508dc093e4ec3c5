package no.samrad.infrastructure.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads a stored event of an older revision whose field has since been renamed: moves the value
 * from {@code oldName} to {@code newName} and gives the event its next revision. Stored events
 * are never rewritten; they are upcast each time they are read.
 */
public final class RenamedFieldUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final String toRevision;
    private final String oldName;
    private final String newName;

    public RenamedFieldUpcaster(Class<?> eventType, String fromRevision, String toRevision, String oldName,
                                String newName) {
        this.from = new SimpleSerializedType(eventType.getName(), fromRevision);
        this.toRevision = toRevision;
        this.oldName = oldName;
        this.newName = newName;
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
                    event.set(newName, event.remove(oldName));
                    return event;
                });
    }
}
