-- The published log: every stored event once, at a dense position (1, 2, 3, ...) in the order
-- the event chainer saw it committed, with a SHA-256 hash over its canonical form and the hash
-- before it. Unlike a read model, this table is never rebuilt: its order and hashes are part of
-- the record. See docs/auditing.md.
CREATE TABLE event_chain (
    position         BIGINT       NOT NULL PRIMARY KEY,
    event_identifier VARCHAR(255) NOT NULL,
    request_id       VARCHAR(64),
    effective_on     DATE,
    previous_hash    CHAR(64)     NOT NULL,
    hash             CHAR(64)     NOT NULL,
    chained_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_event_chain_event UNIQUE (event_identifier)
);
CREATE INDEX ix_event_chain_request ON event_chain (request_id);

-- Signed statements of the chain's head: "at this position the chain's hash was this".
CREATE TABLE chain_checkpoint (
    position  BIGINT        NOT NULL PRIMARY KEY,
    hash      CHAR(64)      NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    statement VARCHAR(500)  NOT NULL,
    signature VARCHAR(200)  NOT NULL
);
