package no.samrad.audit.chain;

/** One event's place in the chain: its position, its id and the hashes that link it. */
public record ChainLink(long position, String eventId, String previousHash, String hash) {
}
