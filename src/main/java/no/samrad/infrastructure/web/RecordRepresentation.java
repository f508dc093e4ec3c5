package no.samrad.infrastructure.web;

import java.util.List;
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

    /**
     * The answer of a command at {@code /api/v1/<segments>} that committed version
     * {@code recordVersion} of record {@code recordId} and whose instance died before it answered:
     * a path without a record id after the collection created a record (201, at the address
     * returned); one with the id answers with that record (200).
     */
    default Optional<AnswerAgain> answerAgain(List<String> segments, String recordId, long recordVersion) {
        boolean created = segments.size() < 2 || !isId(segments.get(1));
        UUID id = UUID.fromString(created ? recordId : segments.get(1));
        long version = id.toString().equals(recordId) ? recordVersion : Long.MAX_VALUE;
        return atVersion(id, version).map(record -> new AnswerAgain(record, created ? collection() + "/" + id : null));
    }

    /** A command's answer made again: the record, and for a created one its address under {@code /api/v1/}. */
    record AnswerAgain(RecordAnswers.Versioned record, String createdAt) {
    }

    private static boolean isId(String segment) {
        try {
            UUID.fromString(segment);
            return true;
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }
}
