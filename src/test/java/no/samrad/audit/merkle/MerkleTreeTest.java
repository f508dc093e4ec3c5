package no.samrad.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The tree agrees with Certificate Transparency's reference vectors (RFC 6962's test data, as
 * transparency-dev/merkle publishes them), and every proof of every shape of tree up to 40 leaves
 * verifies, while a proof for any other leaf, size or root does not.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<byte[]> REFERENCE_LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f").stream().map(HEX::parseHex).toList();
    private static final List<String> REFERENCE_ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private static MerkleTree reference() {
        return MerkleTree.ofLeafHashes(REFERENCE_LEAVES.stream().map(MerkleTree::leafHash).toList());
    }

    @Test
    void theRootsAreTheReferenceRootsForEverySize() {
        MerkleTree tree = reference();
        for (int size = 0; size <= REFERENCE_LEAVES.size(); size++) {
            assertEquals(REFERENCE_ROOTS.get(size), HEX.formatHex(tree.root(size)), "size " + size);
        }
    }

    @Test
    void theInclusionProofsAreTheReferenceProofs() {
        MerkleTree tree = reference();
        assertEquals(List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
                tree.inclusionProof(0, 8).stream().map(HEX::formatHex).toList());
        assertEquals(List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
                tree.inclusionProof(5, 8).stream().map(HEX::formatHex).toList());
    }

    @Test
    void everyInclusionProofVerifiesAndNoneForAnotherLeafSizeOrRoot() {
        List<byte[]> leaves = leaves(40);
        MerkleTree tree = MerkleTree.ofLeafHashes(leaves);
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = tree.root(size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                assertTrue(MerkleTree.verifyInclusion(index, size, leaves.get(index), proof, root),
                        index + " in " + size);
                if (size > 1) {
                    int other = (index + 1) % size;
                    assertFalse(MerkleTree.verifyInclusion(other, size, leaves.get(index), proof, root),
                            index + "'s proof for leaf " + other + " in " + size);
                    assertFalse(MerkleTree.verifyInclusion(index, size, leaves.get(other), proof, root),
                            "leaf " + other + " with " + index + "'s proof in " + size);
                }
                if (size < leaves.size()) {
                    assertFalse(MerkleTree.verifyInclusion(index, size + 1, leaves.get(index), proof,
                            tree.root(size + 1)), index + "'s proof in " + size + " for the tree of " + (size + 1));
                }
                assertFalse(MerkleTree.verifyInclusion(index, size, leaves.get(index), proof, tree.root(size - 1)),
                        index + " in " + size + " against another root");
            }
        }
        assertFalse(MerkleTree.verifyInclusion(8, 8, leaves.get(0), List.of(), tree.root(8)), "no leaf 8 in 8");
    }

    @Test
    void everyConsistencyProofVerifiesAndNoneForAnotherSizeOrRoot() {
        List<byte[]> leaves = leaves(40);
        MerkleTree tree = MerkleTree.ofLeafHashes(leaves);
        for (int second = 1; second <= leaves.size(); second++) {
            for (int first = 1; first <= second; first++) {
                List<byte[]> proof = tree.consistencyProof(first, second);
                byte[] firstRoot = tree.root(first);
                byte[] secondRoot = tree.root(second);
                assertTrue(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, proof),
                        first + " to " + second);
                if (first < second) {
                    assertFalse(MerkleTree.verifyConsistency(first, second, tree.root(first - 1 == 0 ? 2 : first - 1),
                            secondRoot, proof), first + " to " + second + " from another first root");
                    assertFalse(MerkleTree.verifyConsistency(first, second, firstRoot, tree.root(second - 1),
                            proof), first + " to " + second + " to another second root");
                }
            }
        }
    }

    @Test
    void aForkedLogFailsTheConsistencyProofOfTheOriginal() {
        List<byte[]> leaves = leaves(20);
        List<byte[]> forked = new ArrayList<>(leaves);
        forked.set(6, MerkleTree.leafHash(new byte[] {42}));
        MerkleTree original = MerkleTree.ofLeafHashes(leaves);
        MerkleTree rewritten = MerkleTree.ofLeafHashes(forked);
        assertFalse(MerkleTree.verifyConsistency(10, 20, original.root(10), rewritten.root(20),
                rewritten.consistencyProof(10, 20)), "a log that rewrote leaf 6 does not extend the one held");
        assertTrue(MerkleTree.verifyConsistency(5, 20, original.root(5), rewritten.root(20),
                rewritten.consistencyProof(5, 20)), "the leaves before the rewrite are still the held tree's");
    }

    @Test
    void proofsOutsideTheTreeAreRefused() {
        MerkleTree tree = reference();
        assertThrows(IllegalArgumentException.class, () -> tree.inclusionProof(8, 8));
        assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(0, 8));
        assertThrows(IllegalArgumentException.class, () -> tree.consistencyProof(9, 8));
    }

    private static List<byte[]> leaves(int count) {
        return IntStream.range(0, count).mapToObj(i -> MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i * 7)}))
                .toList();
    }

    @Test
    void theStreamingBuilderGivesTheTreesRootAtEverySize() {
        List<byte[]> leaves = new ArrayList<>();
        TreeBuilder builder = new TreeBuilder();
        assertEquals(HEX.formatHex(MerkleTree.emptyRoot()), HEX.formatHex(builder.root()));
        for (int i = 0; i < 70; i++) {
            byte[] leaf = MerkleTree.leafHash(new byte[] {(byte) i});
            leaves.add(leaf);
            builder.append(leaf);
            assertEquals(i + 1L, builder.size());
            assertEquals(HEX.formatHex(MerkleTree.ofLeafHashes(leaves).root(i + 1)), HEX.formatHex(builder.root()),
                    "size " + (i + 1));
        }
    }
}
