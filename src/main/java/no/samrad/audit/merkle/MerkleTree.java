package no.samrad.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0, section 2.1) over a log of leaves:
 * leaf hashes {@code SHA-256(0x00 || leaf)}, node hashes {@code SHA-256(0x01 || left || right)},
 * and the split of {@code n} leaves at the largest power of two below {@code n}. It answers the
 * tree's root, a leaf's inclusion proof and the consistency proof between two sizes, and checks
 * such proofs, with the algorithms of sections 2.1.3 and 2.1.4.
 *
 * <p>The tree reads the hash of a range of leaves from a {@link Hashes}, so that a store of the
 * tree's nodes answers a proof for a log of any size with a logarithmic number of reads; an
 * in-memory list of leaf hashes serves the offline verifier and the tests.
 */
public final class MerkleTree {

    /** The hash of each subtree the algorithms need: MTH(D[start:end]) of RFC 9162. */
    @FunctionalInterface
    public interface Hashes {
        /** The hash of the leaves {@code start} (inclusive) to {@code end} (exclusive), {@code end > start}. */
        byte[] of(long start, long end);
    }

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private final Hashes hashes;

    public MerkleTree(Hashes hashes) {
        this.hashes = hashes;
    }

    /** A tree over leaf hashes held in memory. */
    public static MerkleTree ofLeafHashes(List<byte[]> leafHashes) {
        return new MerkleTree(new InMemory(leafHashes));
    }

    /** The root of the first {@code size} leaves; of none, the hash of the empty string. */
    public byte[] root(long size) {
        return size == 0 ? emptyRoot() : hashes.of(0, size);
    }

    /** The root of a tree of no leaves: the SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return sha256();
    }

    /** The inclusion proof of leaf {@code index} in the tree of the first {@code size} leaves (PATH). */
    public List<byte[]> inclusionProof(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, proof);
        return proof;
    }

    /** The proof that the tree of {@code second} leaves extends the tree of {@code first} (PROOF). */
    public List<byte[]> consistencyProof(long first, long second) {
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first < second) {
            subproof(first, 0, second, true, proof);
        }
        return proof;
    }

    private void path(long index, long start, long end, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (index < k) {
            path(index, start, start + k, proof);
            proof.add(hashes.of(start + k, end));
        } else {
            path(index - k, start + k, end, proof);
            proof.add(hashes.of(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean whole, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(hashes.of(start, end));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, proof);
            proof.add(hashes.of(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(hashes.of(start, start + k));
        }
    }

    /** The largest power of two smaller than {@code n} ({@code n > 1}). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** The hash of a leaf: SHA-256 of 0x00 and the leaf. */
    public static byte[] leafHash(byte[] leaf) {
        return sha256(new byte[] {LEAF}, leaf);
    }

    /** The hash of an interior node: SHA-256 of 0x01, the left and the right child. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[] {NODE}, left, right);
    }

    /**
     * Whether {@code proof} shows leaf {@code index}, of hash {@code leafHash}, in the tree of
     * {@code size} leaves whose root is {@code root} (RFC 9162, 2.1.3.2).
     */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * Whether {@code proof} shows that the tree of {@code second} leaves, whose root is
     * {@code secondRoot}, extends the tree of {@code first} leaves, whose root is {@code firstRoot}
     * (RFC 9162, 2.1.4.2).
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first < 1 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }

    /** Leaf hashes in memory: each range's hash computed from its leaves. */
    private record InMemory(List<byte[]> leaves) implements Hashes {
        @Override
        public byte[] of(long start, long end) {
            if (end - start == 1) {
                return leaves.get((int) start);
            }
            long k = split(end - start);
            return nodeHash(of(start, start + k), of(start + k, end));
        }
    }
}
