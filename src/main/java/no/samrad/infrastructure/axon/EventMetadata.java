package no.samrad.infrastructure.axon;

/** Keys of the metadata that a command passes on to the events it causes. */
public final class EventMetadata {

    /** Where a command came from when not from a client, such as the demo data file. */
    public static final String SOURCE = "source";

    private EventMetadata() {
    }
}
