package no.samrad.infrastructure.axon;

/**
 * A bean whose event handlers must see every event in one global order: Samråd runs it on a
 * processor with a single segment, and never resets it. Unlike a {@link Projection}, what it
 * writes is part of the record and cannot be rebuilt.
 */
public interface EventLogKeeper {

    /** The processing group, and processor, of the keeper's handlers. */
    String processorName();
}
