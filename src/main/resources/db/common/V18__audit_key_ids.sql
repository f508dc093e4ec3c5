-- Every checkpoint names the audit key that signed it (its JWK thumbprint, RFC 7638), so that
-- instances sharing the database, and auditors, verify it with that key after a rotation.
-- Checkpoints signed before this release name none and are checked against every key of the ring.
ALTER TABLE chain_checkpoint ADD COLUMN key_id VARCHAR(64);
