package no.samrad.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a Merkle tree's root from its leaves as they stream by, keeping only the complete
 * subtrees on its right edge (at most 63 hashes): the root of every prefix of a log of any length,
 * in one pass.
 */
public final class TreeBuilder {

    private final List<byte[]> rightEdge = new ArrayList<>();
    private final List<Integer> levels = new ArrayList<>();
    private long size;

    public void append(byte[] leafHash) {
        byte[] node = leafHash;
        int level = 0;
        while (!levels.isEmpty() && levels.get(levels.size() - 1) == level) {
            node = MerkleTree.nodeHash(rightEdge.remove(rightEdge.size() - 1), node);
            levels.remove(levels.size() - 1);
            level++;
        }
        rightEdge.add(node);
        levels.add(level);
        size++;
    }

    public long size() {
        return size;
    }

    /** The root of the leaves appended so far (RFC 9162's MTH). */
    public byte[] root() {
        if (rightEdge.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] root = rightEdge.get(rightEdge.size() - 1);
        for (int i = rightEdge.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(rightEdge.get(i), root);
        }
        return root;
    }
}
