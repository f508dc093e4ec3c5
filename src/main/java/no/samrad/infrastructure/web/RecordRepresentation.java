package no.samrad.infrastructure.web;

import java.util.Optional;
import java.util.UUID;

/**
 * How a collection of records answers a command: with the record at {@code /api/v1/<collection>/<id>}.
 * Every command answers with the record it created (201, at that address) or the record its path
 * names (200), as it stood right after the command's events; so an answer that was lost with the
 * instance that made it can be made again from the record's own events.
 */
public interface RecordRepresentation {

    /** The collection's path segment under {@code /api/v1}, such as {@code agreements}. */
    String collection();

    /** The record as the collection answers with it, as it stood right after its event {@code version}. */
    Optional<? extends RecordAnswers.Versioned> atVersion(UUID id, long version);
}
