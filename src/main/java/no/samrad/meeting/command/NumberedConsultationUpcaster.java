package no.samrad.meeting.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import no.samrad.infrastructure.axon.RevisionUpcaster;
import no.samrad.meeting.api.MeetingKind;
import no.samrad.meeting.api.MeetingScheduled;

/**
 * Reads a {@link MeetingScheduled} of revision 1, which knew the first and second consultation
 * meetings as kinds of their own, as revision 2: a {@code CONSULTATION} with its number.
 */
final class NumberedConsultationUpcaster extends RevisionUpcaster {

    NumberedConsultationUpcaster() {
        super(MeetingScheduled.class, "1", "2");
    }

    @Override
    protected void change(ObjectNode event) {
        MeetingKind kind = MeetingKind.valueOf(event.path("kind").asText());
        if (kind.impliedNumber() == null) {
            event.putNull("number");
        } else {
            event.put("kind", kind.recorded().name());
            event.put("number", kind.impliedNumber());
        }
    }
}
