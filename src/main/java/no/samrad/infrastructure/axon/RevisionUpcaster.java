package no.samrad.infrastructure.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads a stored event of one revision as the next: its JSON changed by {@link #change}, its
 * revision raised. Stored events are never rewritten; they are upcast each time they are read.
 */
public abstract class RevisionUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final String toRevision;

    protected RevisionUpcaster(Class<?> eventType, String fromRevision, String toRevision) {
        this.from = new SimpleSerializedType(StoredTypeSerializer.storedName(eventType), fromRevision);
        this.toRevision = toRevision;
    }

    /** Turns the older JSON of the event into the newer, in place. */
    protected abstract void change(ObjectNode event);

    @Override
    protected final boolean canUpcast(IntermediateEventRepresentation representation) {
        return from.getName().equals(representation.getType().getName())
                && Objects.equals(from.getRevision(), representation.getType().getRevision());
    }

    @Override
    protected final IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(from.getName(), toRevision), JsonNode.class,
                payload -> {
                    change((ObjectNode) payload);
                    return payload;
                });
    }
}
