package no.samrad.audit.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.samrad.audit.merkle.MerkleLog;
import no.samrad.audit.merkle.SignedNote;
import no.samrad.audit.merkle.TreeBuilder;
import no.samrad.audit.merkle.TreeHead;
import no.samrad.infrastructure.api.CommonErrors;
import no.samrad.infrastructure.api.DomainException;
import no.samrad.infrastructure.axon.ProjectionCatchUp;
import no.samrad.infrastructure.time.SamradClock;
import no.samrad.infrastructure.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Recomputes the published log from the stored events: each event's chain hash from its stored
 * form and the hash before it, its leaf in the Merkle tree, the tree's roots, the order in which
 * the event store holds each record's events, and each checkpoint's signatures. Against a
 * checkpoint the auditor kept, it answers whether today's log still extends it. Names the first
 * position that does not match.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final int PAGE = 1000;
    /** How many stored events outside the log are looked at, at most, in one verification. */
    private static final int UNCHAINED_LOOKED_AT = 100;

    /**
     * What a verification found; {@code firstMismatch} is absent when the range is intact.
     * {@code promisesBroken} names the requests whose signed promise of inclusion fell due before the
     * log held all their events; it says the log was late, not that it was changed, and does not make
     * it less {@code intact}. {@code promisesPending} counts the promises whose deadline is still
     * ahead, which a later verification will judge. {@code treeSize} and {@code treeRoot} (base64)
     * are the Merkle tree's as stored; {@code against} answers for the checkpoint the auditor held.
     */
    @Schema(name = "ChainVerification")
    public record Result(long from, long to, long checked, boolean intact, Mismatch firstMismatch,
                         int checkpointsVerified, List<Long> checkpointsFailed, List<String> promisesBroken,
                         long promisesPending, long treeSize, String treeRoot, Against against) {
    }

    @Schema(name = "ChainMismatch")
    public record Mismatch(long position, String eventId, String reason) {
    }

    /**
     * The answer for a checkpoint the auditor kept: whether today's log extends it, and if so the
     * consistency proof (base64 hashes, RFC 9162) from its size to the newest checkpoint, whose
     * signed note {@code newest} is.
     */
    @Schema(name = "HeldCheckpointVerification")
    public record Against(long size, String root, boolean extended, Long newestSize, String newest,
                          List<String> consistencyProof) {
    }

    private final ChainStore chain;
    private final ChainCheckpoints checkpoints;
    private final InclusionPromises promises;
    private final SamradClock clock;
    private final AuditKeys keys;
    private final MerkleLog tree;
    private final ProjectionCatchUp catchUp;

    ChainVerifier(ChainStore chain, ChainCheckpoints checkpoints, AuditKeys keys, InclusionPromises promises,
                  SamradClock clock, MerkleLog tree, ProjectionCatchUp catchUp) {
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.promises = promises;
        this.clock = clock;
        this.tree = tree;
        this.catchUp = catchUp;
    }

    /**
     * Reads a checkpoint the auditor kept: a C2SP signed note of this log (its origin), signed by
     * one of its audit keys. Anything else is refused, since a log can only be held to what it signed.
     */
    public TreeHead heldCheckpoint(String note, String parameter) {
        Optional<SignedNote> signed = SignedNote.parse(note == null ? null : note.replace("\r\n", "\n"));
        Optional<TreeHead> head = signed.flatMap(parsed -> TreeHead.parse(parsed.text()));
        if (head.isEmpty()) {
            throw new DomainException(CommonErrors.INVALID_REQUEST, "The held checkpoint (" + parameter
                    + ") must be a checkpoint as Samråd signs it: a C2SP signed note (origin, tree size, base64 root"
                    + " hash, a blank line and the signature lines).", parameter);
        }
        if (!head.get().origin().equals(checkpoints.origin()) || !keys.signedNote(signed.get(), checkpoints.origin())) {
            throw new DomainException(CommonErrors.INVALID_REQUEST, "The held checkpoint (" + parameter
                    + ") must be a checkpoint of this log (" + checkpoints.origin() + ") signed by one of its audit"
                    + " keys (GET /api/v1/audit/keys).", parameter);
        }
        return head.get();
    }

    /**
     * Verifies positions {@code from} to {@code to}; {@code null} means the first position or the
     * head. With a held checkpoint, the whole log is verified and held to it.
     */
    public Result verify(Long from, Long to, TreeHead held) {
        long head = chain.head().map(ChainLink::position).orElse(0L);
        long treeSize = tree.size();
        String treeRoot = storedRoot(treeSize);
        Instant now = clock.now();
        if (held != null && (from != null || to != null)) {
            throw QueryParams.invalid("against", "holds the whole log to a checkpoint: leave out from and to");
        }
        if (head == 0 && from == null && to == null) {
            Mismatch cut = held == null || held.size() == 0 ? null : cutBack(held, 0);
            return new Result(1, 0, 0, cut == null, cut, 0, List.of(), promises.brokenBy(now),
                    promises.pendingAt(now), treeSize, treeRoot, held == null ? null : against(held, cut == null));
        }
        long first = from == null ? 1 : from;
        long last = to == null ? head : to;
        if (first < 1 || first > head) {
            throw QueryParams.invalid("from", "must be a position of the chain, 1 to " + head);
        }
        if (last < first || last > head) {
            throw QueryParams.invalid("to", "must be a position of the chain from " + first + " to " + head);
        }
        Map<Long, Checkpoint> checkpointsInRange = new LinkedHashMap<>();
        for (Checkpoint checkpoint : checkpoints.between(first, last)) {
            checkpointsInRange.put(checkpoint.position(), checkpoint);
        }
        Walk walk = new Walk(first, first == 1 ? StoredEvent.GENESIS
                : chain.at(first - 1).map(ChainLink::hash).orElseThrow(), first == 1, treeSize);
        walk.rootsWanted(checkpointsInRange.keySet());
        walk.rootsWanted(List.of(treeSize));
        if (held != null) {
            walk.rootsWanted(List.of(held.size()));
        }
        walk.run(last);

        List<Mismatch> mismatches = new ArrayList<>();
        if (walk.mismatch != null) {
            mismatches.add(walk.mismatch);
        }
        byte[] recomputedTreeRoot = walk.roots.get(treeSize);
        if (treeRoot == null) {
            mismatches.add(new Mismatch(treeSize, null, "the stored Merkle tree of " + treeSize
                    + " leaves lacks subtrees it should hold: its rows were removed"));
        } else if (walk.mismatch == null && recomputedTreeRoot != null && treeSize > 0
                && !Arrays.equals(recomputedTreeRoot, Base64.getDecoder().decode(treeRoot))) {
            mismatches.add(new Mismatch(treeSize, null, "the stored Merkle tree of " + treeSize
                    + " leaves does not have the root its leaves give: its inner nodes were changed"));
        }
        int verified = 0;
        List<Long> failed = new ArrayList<>();
        for (Checkpoint checkpoint : checkpointsInRange.values()) {
            if (signed(checkpoint) && matches(checkpoint, walk)) {
                verified++;
            } else {
                failed.add(checkpoint.position());
            }
        }
        if (to == null) {
            unpublished().ifPresent(mismatches::add);
        }
        boolean extended = true;
        if (held != null) {
            Mismatch broken = held.size() > head ? cutBack(held, head) : notExtended(held, walk, checkpointsInRange);
            if (broken != null) {
                mismatches.add(broken);
                extended = false;
            }
        }
        Mismatch firstMismatch = mismatches.stream().min(Comparator.comparingLong(Mismatch::position)).orElse(null);
        return new Result(first, last, walk.checked, firstMismatch == null && failed.isEmpty(), firstMismatch,
                verified, failed, promises.brokenBy(now), promises.pendingAt(now), treeSize, treeRoot,
                held == null ? null : against(held, extended));
    }

    /** The stored tree's root in base64; null when its rows no longer make a tree. */
    private String storedRoot(long size) {
        try {
            return Base64.getEncoder().encodeToString(tree.root(size));
        } catch (MerkleLog.IncompleteTree e) {
            return null;
        }
    }

    private boolean signed(Checkpoint checkpoint) {
        boolean statement = keys.verifies(checkpoint.statement(), checkpoint.signature(), checkpoint.keyId())
                && checkpoint.statement().equals(Checkpoint.statement(checkpoint.position(), checkpoint.hash(),
                checkpoint.signedAt(), checkpoint.keyId()));
        if (checkpoint.note() == null) {
            return statement;
        }
        Optional<SignedNote> note = SignedNote.parse(checkpoint.note());
        Optional<TreeHead> head = note.flatMap(parsed -> TreeHead.parse(parsed.text()));
        return statement && head.isPresent() && head.get().size() == checkpoint.position()
                && head.get().rootBase64().equals(checkpoint.treeRoot())
                && keys.signedNote(note.get(), head.get().origin());
    }

    /** Whether the checkpoint names the chain hash, and the tree root, that the stored events give. */
    private static boolean matches(Checkpoint checkpoint, Walk walk) {
        boolean chainMatches = checkpoint.hash().equals(walk.hashes.get(checkpoint.position()));
        if (checkpoint.treeRoot() == null || !walk.fromStart) {
            return chainMatches;
        }
        byte[] root = walk.roots.get(checkpoint.position());
        return chainMatches && root != null && Base64.getEncoder().encodeToString(root).equals(checkpoint.treeRoot());
    }

    /** The held checkpoint is larger than the log: the log lost its end. */
    private static Mismatch cutBack(TreeHead held, long head) {
        return new Mismatch(head + 1, null, "the checkpoint you hold has " + held.size() + " events, but the log"
                + " holds " + head + ": it was cut back from position " + (head + 1));
    }

    /**
     * The held checkpoint's size is within the log, but the stored events no longer give its root.
     * The first place is the walk's own mismatch where it found one; else the log was rewritten
     * together with its chain and tree, and the place is after the last checkpoint that still
     * matches and is signed.
     */
    private Mismatch notExtended(TreeHead held, Walk walk, Map<Long, Checkpoint> checkpointsInRange) {
        byte[] root = walk.roots.get(held.size());
        if (root != null && Arrays.equals(root, held.root())) {
            return null;
        }
        if (walk.mismatch != null && walk.mismatch.position() <= held.size()) {
            return walk.mismatch;
        }
        long lastGood = 0;
        for (Checkpoint checkpoint : checkpointsInRange.values()) {
            if (checkpoint.position() < held.size() && checkpoint.treeRoot() != null && signed(checkpoint)
                    && matches(checkpoint, walk)) {
                lastGood = checkpoint.position();
            }
        }
        return new Mismatch(lastGood + 1, null, "the events at positions " + (lastGood + 1) + " to " + held.size()
                + " no longer give the root of the checkpoint you hold: they were rewritten, with the chain and"
                + " the tree, after it was signed");
    }

    private Against against(TreeHead held, boolean extended) {
        if (!extended) {
            return new Against(held.size(), held.rootBase64(), false, null, null, List.of());
        }
        Optional<Checkpoint> newest = checkpoints.latest().filter(latest -> latest.note() != null
                && latest.position() >= held.size());
        if (newest.isEmpty() || held.size() == 0) {
            return new Against(held.size(), held.rootBase64(), true, newest.map(Checkpoint::position).orElse(null),
                    newest.map(Checkpoint::note).orElse(null), List.of());
        }
        try {
            List<String> proof = tree.consistencyProof(held.size(), newest.get().position()).stream()
                    .map(hash -> Base64.getEncoder().encodeToString(hash)).toList();
            return new Against(held.size(), held.rootBase64(), true, newest.get().position(), newest.get().note(),
                    proof);
        } catch (MerkleLog.IncompleteTree e) {
            return new Against(held.size(), held.rootBase64(), true, null, null, List.of());
        }
    }

    /**
     * A stored event that the log never published although its chainer has passed it for good: an
     * event inserted into the store behind the log's back. Named at the position it would stand
     * before: the first chained event that the store holds after it.
     */
    private Optional<Mismatch> unpublished() {
        for (ChainStore.Unchained event : chain.unchained(UNCHAINED_LOOKED_AT)) {
            if (catchUp.hasPassed(EventChainer.PROCESSOR, event.storeOrder())) {
                long before = chain.firstPositionAfter(event.storeOrder())
                        .orElseGet(() -> chain.head().map(ChainLink::position).orElse(0L) + 1);
                return Optional.of(new Mismatch(before, event.eventId(), "the event store holds this event (record "
                        + event.recordId() + ", sequence " + event.sequence() + ", store index " + event.storeOrder()
                        + ") before position " + before + ", but the log never published it: it was inserted"
                        + " behind the log"));
            }
        }
        return Optional.empty();
    }

    /** One pass over the log, page by page. */
    private final class Walk {
        private final boolean fromStart;
        private final long treeSize;
        private final TreeBuilder builder = new TreeBuilder();
        private final Map<Long, String> hashes = new HashMap<>();
        private final Map<Long, byte[]> roots = new HashMap<>();
        private final java.util.Set<Long> rootsWanted = new java.util.HashSet<>();
        /** Each record's last event seen: its position and its index in the store. */
        private final Map<String, long[]> lastOfRecord = new HashMap<>();
        private long position;
        private String expectedPrevious;
        private long checked;
        private Mismatch mismatch;
        /** The leaf hash of the event last checked, which {@link #take} appends. */
        private byte[] checkedLeaf;

        Walk(long first, String expectedPrevious, boolean fromStart, long treeSize) {
            this.position = first - 1;
            this.expectedPrevious = expectedPrevious;
            this.fromStart = fromStart;
            this.treeSize = treeSize;
        }

        void rootsWanted(java.util.Collection<Long> sizes) {
            rootsWanted.addAll(sizes);
            if (rootsWanted.contains(0L)) {
                roots.put(0L, builder.root());
            }
        }

        void run(long last) {
            while (mismatch == null && position < last) {
                List<ChainStore.Entry> entries = chain.after(position, (int) Math.min(PAGE, last - position));
                if (entries.isEmpty()) {
                    break;
                }
                Map<Long, byte[]> storedLeaves = tree.leafHashes(position, position + entries.size());
                for (ChainStore.Entry entry : entries) {
                    mismatch = check(entry, position + 1, expectedPrevious, storedLeaves.get(position));
                    if (mismatch != null) {
                        return;
                    }
                    take(entry);
                }
            }
        }

        private void take(ChainStore.Entry entry) {
            ChainLink link = entry.link();
            expectedPrevious = link.hash();
            position = link.position();
            hashes.put(position, expectedPrevious);
            if (fromStart) {
                builder.append(checkedLeaf);
                if (rootsWanted.contains(position)) {
                    roots.put(position, builder.root());
                }
            }
            checked++;
        }

        private Mismatch check(ChainStore.Entry entry, long expectedPosition, String previous, byte[] storedLeaf) {
            ChainLink link = entry.link();
            if (link.position() != expectedPosition) {
                return new Mismatch(expectedPosition, null, "position " + expectedPosition
                        + " is missing from the chain");
            }
            if (!link.previousHash().equals(previous)) {
                return new Mismatch(link.position(), link.eventId(), "its previous hash is not the hash before it");
            }
            if (entry.event().isEmpty()) {
                return new Mismatch(link.position(), link.eventId(), "the event is missing from the event store");
            }
            StoredEvent event = entry.event().get();
            StoredEvent.Hashes hashes = event.hashes(link.position(), link.previousHash());
            checkedLeaf = hashes.leaf();
            if (!hashes.link().equals(link.hash())) {
                return new Mismatch(link.position(), link.eventId(),
                        "the stored event does not have the hash the chain recorded: it was changed after it was"
                                + " chained");
            }
            if (storedLeaf == null && link.position() <= treeSize) {
                return new Mismatch(link.position(), link.eventId(),
                        "the Merkle tree lacks this event's leaf: its rows were removed");
            }
            if (storedLeaf != null && !Arrays.equals(storedLeaf, hashes.leaf())) {
                return new Mismatch(link.position(), link.eventId(),
                        "the Merkle tree's leaf is not the stored event's: the tree was changed");
            }
            long[] before = lastOfRecord.put(event.recordId(), new long[] {link.position(), entry.storeOrder()});
            if (before != null && before[1] > entry.storeOrder()) {
                return new Mismatch(link.position(), link.eventId(), "the event store orders this event (store index "
                        + entry.storeOrder() + ") before the same record's event at position " + before[0]
                        + " (store index " + before[1] + "): the store's order was changed, and a replay would"
                        + " apply them out of order");
            }
            return null;
        }
    }
}
