package no.samrad.audit.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.samrad.infrastructure.web.QueryParams;
import no.samrad.infrastructure.time.SamradClock;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Recomputes the chain from the stored events: each event's hash from its stored form and the
 * hash before it, and each checkpoint's signature. Names the first position that does not match.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final int PAGE = 1000;

    /**
     * What a verification found; {@code firstMismatch} is absent when the range is intact.
     * {@code promisesBroken} names the requests whose signed promise of inclusion fell due before the
     * log held all their events; it says the log was late, not that it was changed, and does not make
     * it less {@code intact}. {@code promisesPending} counts the promises whose deadline is still
     * ahead, which a later verification will judge.
     */
    @Schema(name = "ChainVerification")
    public record Result(long from, long to, long checked, boolean intact, Mismatch firstMismatch,
                         int checkpointsVerified, List<Long> checkpointsFailed, List<String> promisesBroken,
                         long promisesPending) {
    }

    @Schema(name = "ChainMismatch")
    public record Mismatch(long position, String eventId, String reason) {
    }

    private final ChainStore chain;
    private final ChainCheckpoints checkpoints;
    private final InclusionPromises promises;
    private final SamradClock clock;
    private final AuditKeys keys;

    ChainVerifier(ChainStore chain, ChainCheckpoints checkpoints, AuditKeys keys, InclusionPromises promises,
                  SamradClock clock) {
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.promises = promises;
        this.clock = clock;
    }

    /**
     * Verifies positions {@code from} to {@code to}; {@code null} means the first position or the
     * head.
     */
    public Result verify(Long from, Long to) {
        long head = chain.head().map(ChainLink::position).orElse(0L);
        long first = from == null ? 1 : from;
        long last = to == null ? head : to;
        Instant now = clock.now();
        if (head == 0 && from == null && to == null) {
            return new Result(1, 0, 0, true, null, 0, List.of(), promises.brokenBy(now), promises.pendingAt(now));
        }
        if (first < 1 || first > head) {
            throw QueryParams.invalid("from", "must be a position of the chain, 1 to " + head);
        }
        if (last < first || last > head) {
            throw QueryParams.invalid("to", "must be a position of the chain from " + first + " to " + head);
        }
        String expectedPrevious = first == 1 ? StoredEvent.GENESIS
                : chain.at(first - 1).map(ChainLink::hash).orElseThrow();
        Map<Long, Checkpoint> checkpointsInRange = new LinkedHashMap<>();
        for (Checkpoint checkpoint : checkpoints.between(first, last)) {
            checkpointsInRange.put(checkpoint.position(), checkpoint);
        }
        Map<Long, String> hashesAtCheckpoints = new HashMap<>();
        long checked = 0;
        Mismatch mismatch = null;
        long position = first - 1;
        while (mismatch == null && position < last) {
            List<ChainStore.Entry> entries = chain.after(position, (int) Math.min(PAGE, last - position));
            for (ChainStore.Entry entry : entries) {
                mismatch = check(entry, position + 1, expectedPrevious);
                if (mismatch != null) {
                    break;
                }
                expectedPrevious = entry.link().hash();
                position = entry.link().position();
                if (checkpointsInRange.containsKey(position)) {
                    hashesAtCheckpoints.put(position, expectedPrevious);
                }
                checked++;
            }
            if (entries.isEmpty()) {
                break;
            }
        }
        int verified = 0;
        List<Long> failed = new ArrayList<>();
        for (Checkpoint checkpoint : checkpointsInRange.values()) {
            boolean signed = keys.verifies(checkpoint.statement(), checkpoint.signature(), checkpoint.keyId())
                    && checkpoint.statement().equals(Checkpoint.statement(checkpoint.position(), checkpoint.hash(),
                    checkpoint.signedAt(), checkpoint.keyId()));
            boolean matches = checkpoint.hash().equals(hashesAtCheckpoints.get(checkpoint.position()));
            if (signed && matches) {
                verified++;
            } else {
                failed.add(checkpoint.position());
            }
        }
        return new Result(first, last, checked, mismatch == null && failed.isEmpty(), mismatch, verified, failed,
                promises.brokenBy(now), promises.pendingAt(now));
    }

    private static Mismatch check(ChainStore.Entry entry, long expectedPosition, String expectedPrevious) {
        ChainLink link = entry.link();
        if (link.position() != expectedPosition) {
            return new Mismatch(expectedPosition, null, "position " + expectedPosition + " is missing from the chain");
        }
        if (!link.previousHash().equals(expectedPrevious)) {
            return new Mismatch(link.position(), link.eventId(), "its previous hash is not the hash before it");
        }
        if (entry.event().isEmpty()) {
            return new Mismatch(link.position(), link.eventId(), "the event is missing from the event store");
        }
        if (!entry.event().get().hash(link.position(), link.previousHash()).equals(link.hash())) {
            return new Mismatch(link.position(), link.eventId(),
                    "the stored event does not have the hash the chain recorded: it was changed after it was chained");
        }
        return null;
    }
}
