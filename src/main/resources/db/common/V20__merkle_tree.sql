-- The Merkle tree of RFC 9162 over the published log (docs/auditing.md): leaf i is the canonical
-- form of the event at position i + 1. Every complete subtree is stored once, as it completes: the
-- node at (level, node_index) covers leaves node_index * 2^level to (node_index + 1) * 2^level - 1,
-- and level 0 holds the leaf hashes. A proof for any tree size reads a logarithmic number of them.
-- Like event_chain, the tree is never rebuilt; the chainer extends it in the transaction that
-- chains the events. Stores from before this release get their tree from the chain they hold.
CREATE TABLE merkle_node (
    level      SMALLINT NOT NULL,
    node_index BIGINT   NOT NULL,
    hash       CHAR(64) NOT NULL,
    CONSTRAINT pk_merkle_node PRIMARY KEY (level, node_index)
);

-- How many leaves the tree holds. Its one row is locked by whoever extends the tree, so that the
-- chainer and a checkpoint signer catching the tree up never write the same node.
CREATE TABLE merkle_tree (
    id   SMALLINT NOT NULL PRIMARY KEY,
    size BIGINT   NOT NULL
);
INSERT INTO merkle_tree (id, size) VALUES (1, 0);

-- A checkpoint now also signs the tree: the C2SP signed note (origin, size, base64 root hash, and
-- its signature line) beside the statement of the linear chain, which stays for what was signed
-- before. Checkpoints signed before this release have neither.
ALTER TABLE chain_checkpoint ADD COLUMN tree_root CHAR(64);
ALTER TABLE chain_checkpoint ADD COLUMN note VARCHAR(1000);
