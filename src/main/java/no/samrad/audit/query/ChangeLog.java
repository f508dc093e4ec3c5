package no.samrad.audit.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import no.samrad.audit.api.RecordedEvent;
import no.samrad.audit.query.RecordChange;
import no.samrad.infrastructure.api.EntryEvent;
import no.samrad.infrastructure.axon.EventMetadata;
import no.samrad.infrastructure.web.RecordAnswers;

/**
 * A record's change log, in the manner of the Noark 5 endringslogg: for each event, the fields it
 * set, each with the value it had before (from an earlier event) and the new one, and when and by
 * whom. The record's state is the facts its events have stated; an event that adds to a
 * collection (an estimate, an input) names its fields after that entry.
 */
@ApplicationScoped
public class ChangeLog {

    private final RecordHistory history;
    private final ObjectMapper json;

    ChangeLog(RecordHistory history, ObjectMapper json) {
        this.history = history;
        // Amounts as the record writes them, to the øre: 125000000.50, not 1.250000005E+8.
        this.json = json.copy().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    }

    /** The changes of the record a path names; 404 when there is no such record. */
    public List<RecordChange> of(String pathId, String recordName) {
        List<RecordedEvent> events = history.of(pathId, recordName);
        String id = RecordAnswers.idOf(pathId, recordName).toString();
        String recordId = ((ObjectNode) json.valueToTree(events.get(0).payload())).properties().stream()
                .filter(field -> field.getValue().asText().equals(id))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        Map<String, JsonNode> state = new HashMap<>();
        List<RecordChange> log = new ArrayList<>();
        for (RecordedEvent event : events) {
            ObjectNode payload = json.valueToTree(event.payload());
            String prefix = "";
            if (event.payload() instanceof EntryEvent entry) {
                prefix = entry.entry() + ".";
                payload.remove(entry.entryKeyField());
            }
            if (recordId != null) {
                payload.remove(recordId);
            }
            List<RecordChange.FieldChange> changes = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = payload.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = prefix + apiName(field.getKey());
                JsonNode before = state.get(name);
                JsonNode after = field.getValue();
                if (before == null ? !after.isNull() : !before.equals(after)) {
                    changes.add(new RecordChange.FieldChange(name, before, after));
                    state.put(name, after);
                }
            }
            log.add(new RecordChange(event.position(), event.eventId(), event.sequence(), event.type(),
                    event.recordedAt(), event.effectiveOn(), text(event.metadata().get(EventMetadata.SUB)),
                    text(event.metadata().get(EventMetadata.PARTY)), changes));
        }
        return log;
    }

    /**
     * A field under the name the API gives it: an event names a reference to another record by
     * its id ({@code meetingId}, {@code finalEstimateId}), the API by what it refers to
     * ({@code meeting}, {@code finalEstimate}).
     */
    static String apiName(String eventField) {
        return eventField.length() > 2 && eventField.endsWith("Id")
                ? eventField.substring(0, eventField.length() - 2) : eventField;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
