package no.samrad.audit.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import no.samrad.audit.merkle.MerkleLog;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Proofs from the stored Merkle tree (RFC 9162): that an event is in the log of a given size, and
 * that the log of one size extends the log of a smaller one. Hashes are base64, as in C2SP notes.
 */
@ApplicationScoped
public class LogProofs {

    /**
     * An event's inclusion proof: its leaf hash and the audit path to the root of the tree of
     * {@code treeSize} leaves; {@code checkpoint} is the signed note of that size, where one was signed.
     */
    @Schema(name = "InclusionProof")
    public record Inclusion(long position, long leafIndex, String eventId, String leafHash, long treeSize,
                            String treeRoot, List<String> hashes, String checkpoint) {
    }

    /** The proof that the tree of {@code toSize} leaves extends the tree of {@code fromSize}. */
    @Schema(name = "ConsistencyProof")
    public record Consistency(long fromSize, String fromRoot, long toSize, String toRoot, List<String> hashes,
                              String fromCheckpoint, String toCheckpoint) {
    }

    private final MerkleLog tree;
    private final ChainStore chain;
    private final ChainCheckpoints checkpoints;

    LogProofs(MerkleLog tree, ChainStore chain, ChainCheckpoints checkpoints) {
        this.tree = tree;
        this.chain = chain;
        this.checkpoints = checkpoints;
    }

    /**
     * The inclusion proof of the event at {@code position}, or of the event {@code eventId}, in the
     * tree of {@code size} leaves: by default the newest checkpoint's.
     */
    public Inclusion inclusion(Long position, String eventId, Long size) {
        if ((position == null) == (eventId == null)) {
            throw QueryParams.invalid("position", "or eventId names the event: give one of them");
        }
        ChainLink link = position != null
                ? chain.at(position).orElseThrow(() -> new DomainException(CommonErrors.NOT_FOUND,
                "The published log has no position " + position + "."))
                : chain.ofEvent(eventId).orElseThrow(() -> new DomainException(CommonErrors.NOT_FOUND,
                "The published log holds no event " + eventId + "."));
        long treeSize = size != null ? size : newestCoveringOrFail(link.position());
        long stored = tree.size();
        if (treeSize < link.position() || treeSize > stored) {
            throw QueryParams.invalid("size", "must be a tree size from the event's position " + link.position()
                    + " to the tree's size " + stored);
        }
        long index = link.position() - 1;
        byte[] leaf = tree.leafHashes(index, index + 1).get(index);
        return new Inclusion(link.position(), index, link.eventId(), base64(leaf), treeSize,
                base64(tree.root(treeSize)), tree.inclusionProof(index, treeSize).stream().map(LogProofs::base64)
                .toList(), note(treeSize));
    }

    /** The consistency proof from the tree of {@code from} leaves to the tree of {@code to}, by default the newest checkpoint's. */
    public Consistency consistency(long from, Long to) {
        long stored = tree.size();
        long toSize = to != null ? to : checkpoints.latest().filter(latest -> latest.note() != null)
                .map(Checkpoint::position).orElse(stored);
        if (toSize > stored) {
            throw QueryParams.invalid("to", "must be a tree size up to the tree's size " + stored);
        }
        if (from < 1 || from > toSize) {
            throw QueryParams.invalid("from", "must be a tree size from 1 to " + toSize);
        }
        return new Consistency(from, base64(tree.root(from)), toSize, base64(tree.root(toSize)),
                tree.consistencyProof(from, toSize).stream().map(LogProofs::base64).toList(), note(from),
                note(toSize));
    }

    private long newestCoveringOrFail(long position) {
        return checkpoints.latest().filter(latest -> latest.note() != null && latest.position() >= position)
                .map(Checkpoint::position).orElseThrow(() -> new DomainException(CommonErrors.NOT_FOUND,
                        "No checkpoint holds position " + position + " yet: the next is signed within the"
                                + " checkpoint interval, or at once with POST /api/v1/audit/checkpoints; or ask for"
                                + " a tree size with size."));
    }

    private String note(long size) {
        return checkpoints.ofSize(size).map(Checkpoint::note).orElse(null);
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    /**
     * The inclusion proofs' addresses of events at these positions, in order: each once a
     * checkpoint holds it, else null. The newest checkpoint is read once.
     */
    public List<String> inclusionLinks(List<Long> positions) {
        Optional<Long> newest = checkpoints.latest().filter(latest -> latest.note() != null)
                .map(Checkpoint::position);
        return positions.stream().map(position -> newest.filter(size -> size >= position)
                .map(size -> "/api/v1/audit/proofs/inclusion?position=" + position + "&size=" + size)
                .orElse(null)).toList();
    }
}
