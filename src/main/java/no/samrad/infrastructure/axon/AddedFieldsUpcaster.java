package no.samrad.infrastructure.axon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Reads a stored event of an older revision that lacked fields added since: the fields are
 * present and empty, which is what they meant before they existed.
 */
public final class AddedFieldsUpcaster extends RevisionUpcaster {

    private final List<String> added;

    public AddedFieldsUpcaster(Class<?> eventType, String fromRevision, String toRevision, String... added) {
        super(eventType, fromRevision, toRevision);
        this.added = List.of(added);
    }

    @Override
    protected void change(ObjectNode event) {
        added.stream().filter(field -> !event.has(field)).forEach(event::putNull);
    }
}
