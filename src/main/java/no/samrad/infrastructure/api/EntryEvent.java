package no.samrad.infrastructure.api;

/**
 * An event that adds to, or changes, one entry of a collection within its record (an input of a
 * case, an estimate of a cost case), rather than the record's own fields. The change log names its
 * fields after the entry: {@code estimates[<id>].amountNok}.
 */
public interface EntryEvent {

    /** The collection and the entry's key within it, as {@code estimates[<id>]}. */
    String entry();

    /** The payload field that holds the entry's key, which the change log does not repeat. */
    String entryKeyField();
}
