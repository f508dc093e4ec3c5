package no.samrad.audit.chain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import no.samrad.audit.merkle.MerkleLog;
import org.jboss.logging.Logger;

/**
 * Keeps the log's Merkle tree as long as the chain: the chainer extends it with each batch it
 * chains, in the same transaction, and whoever finds it shorter than the chain (a store from before
 * the tree, or a batch that met a tree behind) first appends the missing leaves from the chain.
 * A leaf is appended only while its stored event still hashes to its chain link: the tree never
 * takes in an event that was changed after it was chained.
 */
@ApplicationScoped
class PublishedTree {

    private static final Logger LOG = Logger.getLogger(PublishedTree.class);
    private static final int PAGE = 1000;

    /** The leaf hash of the event chained at {@code position}. */
    record Leaf(long position, byte[] hash) {
    }

    private final MerkleLog tree;
    private final ChainStore chain;

    PublishedTree(MerkleLog tree, ChainStore chain) {
        this.tree = tree;
        this.chain = chain;
    }

    /** Appends the leaves of a batch just chained, after any the tree lacks before them. */
    void extend(List<Leaf> chained) {
        if (chained.isEmpty()) {
            return;
        }
        long size = catchUp(chained.get(0).position() - 1);
        List<byte[]> leaves = new ArrayList<>();
        for (Leaf leaf : chained) {
            if (leaf.position() == size + leaves.size() + 1) {
                leaves.add(leaf.hash());
            }
        }
        tree.append(size, leaves);
    }

    /** Brings the tree up to the chain's head; answers its size. */
    long catchUp() {
        return catchUp(chain.head().map(ChainLink::position).orElse(0L));
    }

    /** Appends the chain's leaves up to {@code position}, with the tree's row locked; answers its size. */
    private long catchUp(long position) {
        long size = tree.lockSize();
        while (size < position) {
            List<ChainStore.Entry> entries = chain.after(size, (int) Math.min(PAGE, position - size));
            List<byte[]> leaves = new ArrayList<>();
            for (ChainStore.Entry entry : entries) {
                ChainLink link = entry.link();
                StoredEvent.Hashes hashes = entry.event().map(event -> event.hashes(link.position(),
                        link.previousHash())).orElse(null);
                if (link.position() != size + leaves.size() + 1 || hashes == null
                        || !hashes.link().equals(link.hash())) {
                    LOG.errorf("The Merkle tree stops at %d: the event chained at %d no longer matches its link;"
                            + " GET /api/v1/audit/verify names what changed", size + leaves.size(), link.position());
                    tree.append(size, leaves);
                    return size + leaves.size();
                }
                leaves.add(hashes.leaf());
            }
            if (leaves.isEmpty()) {
                break;
            }
            tree.append(size, leaves);
            size += leaves.size();
        }
        return size;
    }
}
