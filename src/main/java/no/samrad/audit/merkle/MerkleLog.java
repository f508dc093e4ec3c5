package no.samrad.audit.merkle;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.samrad.infrastructure.jdbc.Jdbc;

/**
 * The published log's Merkle tree as stored: every complete subtree is a row of
 * {@code merkle_node}, written once when its last leaf is appended. The root, an inclusion proof or
 * a consistency proof of any size needs the hashes of a logarithmic number of complete subtrees,
 * which are read in one query; nothing is recomputed from the leaves.
 */
@ApplicationScoped
public class MerkleLog {

    /** The stored tree lacks subtrees it should hold: rows of it were removed behind its back. */
    public static final class IncompleteTree extends RuntimeException {
        IncompleteTree(int missing) {
            super("The stored Merkle tree lacks " + missing + " of the subtrees it should hold");
        }
    }

    /** A complete subtree: its level (log2 of its leaves) and its index among the subtrees of that level. */
    private record Node(int level, long index) {
    }

    private final AgroalDataSource dataSource;

    MerkleLog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How many leaves the tree holds. */
    public long size() {
        return query("SELECT size FROM merkle_tree WHERE id = 1", statement -> { }, row -> row.getLong(1))
                .stream().findFirst().orElse(0L);
    }

    /**
     * Appends leaves, by their leaf hashes, to the tree of {@code size} leaves, and stores the
     * subtrees they complete. Call it inside the transaction that took {@link #lockSize()}.
     */
    public void append(long size, List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return;
        }
        Deque<Map.Entry<Node, byte[]>> rightEdge = new ArrayDeque<>(rightEdge(size));
        List<Map.Entry<Node, byte[]>> written = new ArrayList<>();
        long index = size;
        for (byte[] leaf : leafHashes) {
            Map.Entry<Node, byte[]> node = Map.entry(new Node(0, index), leaf);
            written.add(node);
            while (!rightEdge.isEmpty() && rightEdge.peekLast().getKey().level() == node.getKey().level()) {
                Map.Entry<Node, byte[]> left = rightEdge.removeLast();
                int level = node.getKey().level() + 1;
                node = Map.entry(new Node(level, index >> level), MerkleTree.nodeHash(left.getValue(), node.getValue()));
                written.add(node);
            }
            rightEdge.addLast(node);
            index++;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO merkle_node (level, node_index, hash) VALUES (?, ?, ?)");
             PreparedStatement grow = connection.prepareStatement("UPDATE merkle_tree SET size = ? WHERE id = 1")) {
            for (Map.Entry<Node, byte[]> node : written) {
                insert.setInt(1, node.getKey().level());
                insert.setLong(2, node.getKey().index());
                insert.setString(3, HexFormat.of().formatHex(node.getValue()));
                insert.addBatch();
            }
            insert.executeBatch();
            grow.setLong(1, index);
            grow.executeUpdate();
        } catch (SQLException e) {
            throw new jakarta.persistence.PersistenceException("Could not write the Merkle tree", e);
        }
    }

    /**
     * The tree's size, with its row locked until the transaction ends: whoever extends the tree
     * takes it first, so that two never append the same leaves.
     */
    public long lockSize() {
        return query("SELECT size FROM merkle_tree WHERE id = 1 FOR UPDATE", statement -> { }, row -> row.getLong(1))
                .stream().findFirst().orElseThrow();
    }

    /** The root of the tree of the first {@code size} leaves ({@code size} at most {@link #size()}). */
    public byte[] root(long size) {
        return answer(tree -> tree.root(size));
    }

    /** The leaf hashes of leaves {@code from} (inclusive) to {@code to} (exclusive), as stored. */
    public Map<Long, byte[]> leafHashes(long from, long to) {
        Map<Long, byte[]> leaves = new HashMap<>();
        query("SELECT node_index, hash FROM merkle_node WHERE level = 0 AND node_index >= ? AND node_index < ?",
                statement -> {
                    statement.setLong(1, from);
                    statement.setLong(2, to);
                }, row -> leaves.put(row.getLong(1), HexFormat.of().parseHex(row.getString(2).trim())));
        return leaves;
    }

    /** The inclusion proof of leaf {@code index} in the tree of {@code size} leaves (RFC 9162 PATH). */
    public List<byte[]> inclusionProof(long index, long size) {
        return answer(tree -> tree.inclusionProof(index, size));
    }

    /** The consistency proof between the trees of {@code first} and {@code second} leaves (RFC 9162 PROOF). */
    public List<byte[]> consistencyProof(long first, long second) {
        return answer(tree -> tree.consistencyProof(first, second));
    }

    /**
     * Runs an algorithm of the tree twice: once to learn which complete subtrees it needs, then over
     * those subtrees, read in one query.
     */
    private <T> T answer(Function<MerkleTree, T> algorithm) {
        Needed needed = new Needed();
        algorithm.apply(new MerkleTree(needed));
        return algorithm.apply(new MerkleTree(new StoredNodes(nodes(needed.nodes))));
    }

    /** The complete subtrees that make up the tree of {@code size} leaves, left to right, with their hashes. */
    private List<Map.Entry<Node, byte[]>> rightEdge(long size) {
        List<Node> edge = new ArrayList<>();
        long start = 0;
        for (int level = 62; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                edge.add(new Node(level, start >> level));
                start += 1L << level;
            }
        }
        Map<Node, byte[]> hashes = nodes(Set.copyOf(edge));
        return edge.stream().map(node -> Map.entry(node, hashes.get(node))).toList();
    }

    private Map<Node, byte[]> nodes(Set<Node> wanted) {
        Map<Node, byte[]> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        Map<Integer, List<Node>> byLevel = wanted.stream().collect(Collectors.groupingBy(Node::level));
        String where = byLevel.entrySet().stream().map(level -> "(level = " + level.getKey() + " AND node_index IN ("
                        + String.join(", ", java.util.Collections.nCopies(level.getValue().size(), "?")) + "))")
                .collect(Collectors.joining(" OR "));
        List<Long> indexes = byLevel.values().stream().flatMap(List::stream).map(Node::index).toList();
        query("SELECT level, node_index, hash FROM merkle_node WHERE " + where, statement -> {
            for (int i = 0; i < indexes.size(); i++) {
                statement.setLong(i + 1, indexes.get(i));
            }
        }, row -> found.put(new Node(row.getInt(1), row.getLong(2)), HexFormat.of().parseHex(row.getString(3).trim())));
        if (found.size() != wanted.size()) {
            throw new IncompleteTree(wanted.size() - found.size());
        }
        return found;
    }

    /** Whether {@code start} to {@code end} is one complete subtree: a power of two of leaves, aligned. */
    private static boolean complete(long start, long end) {
        long n = end - start;
        return Long.bitCount(n) == 1 && start % n == 0;
    }

    private static Node node(long start, long end) {
        int level = Long.numberOfTrailingZeros(end - start);
        return new Node(level, start >> level);
    }

    /** Notes the complete subtrees an algorithm asks for, answering a placeholder hash. */
    private static final class Needed implements MerkleTree.Hashes {
        private final Set<Node> nodes = new LinkedHashSet<>();

        @Override
        public byte[] of(long start, long end) {
            if (complete(start, end)) {
                nodes.add(node(start, end));
                return new byte[32];
            }
            long k = MerkleTree.split(end - start);
            of(start, start + k);
            of(start + k, end);
            return new byte[32];
        }
    }

    /** Answers any range from the complete subtrees read before. */
    private record StoredNodes(Map<Node, byte[]> nodes) implements MerkleTree.Hashes {
        @Override
        public byte[] of(long start, long end) {
            if (complete(start, end)) {
                return nodes.get(node(start, end));
            }
            long k = MerkleTree.split(end - start);
            return MerkleTree.nodeHash(of(start, start + k), of(start + k, end));
        }
    }

    private <T> List<T> query(String sql, Jdbc.Binder binder, Jdbc.RowReader<T> reader) {
        return Jdbc.query(dataSource, sql, binder, reader, "the Merkle tree");
    }
}
