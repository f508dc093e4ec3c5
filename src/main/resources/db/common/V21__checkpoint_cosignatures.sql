-- Witnesses' cosignatures of checkpoints (C2SP tlog-cosignature): each a signature line that a
-- witness named in samrad.audit.witnesses made over a checkpoint's note after checking that it
-- extends the last checkpoint it cosigned. The checkpoint is served with every line it has.
CREATE TABLE checkpoint_cosignature (
    position    BIGINT                   NOT NULL,
    witness     VARCHAR(200)             NOT NULL,
    key_id      INTEGER                  NOT NULL,
    line        VARCHAR(400)             NOT NULL,
    cosigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_checkpoint_cosignature PRIMARY KEY (position, witness, key_id)
);
