package no.samrad.infrastructure.axon;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads a stored event of an older revision whose field has since been renamed: the value moves to the new name. */
public final class RenamedFieldUpcaster extends RevisionUpcaster {

    private final String oldName;
    private final String newName;

    public RenamedFieldUpcaster(Class<?> eventType, String fromRevision, String toRevision, String oldName,
                                String newName) {
        super(eventType, fromRevision, toRevision);
        this.oldName = oldName;
        this.newName = newName;
    }

    @Override
    protected void change(ObjectNode event) {
        event.set(newName, event.remove(oldName));
    }
}
