package no.samrad.meeting.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.samrad.meeting.api.MeetingKind;
import no.samrad.meeting.api.MeetingScheduled;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads a {@link MeetingScheduled} of revision 1, which knew the first and second consultation
 * meetings as kinds of their own, as revision 2: a {@code CONSULTATION} with its number.
 */
final class NumberedConsultationUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(MeetingScheduled.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(MeetingScheduled.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            MeetingKind kind = MeetingKind.valueOf(event.path("kind").asText());
            if (kind.impliedNumber() != null) {
                event.put("kind", kind.recorded().name());
                event.put("number", kind.impliedNumber());
            } else {
                event.putNull("number");
            }
            return event;
        });
    }
}
