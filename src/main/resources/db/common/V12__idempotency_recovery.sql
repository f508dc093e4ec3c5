-- Idempotency keys that tell the truth after a crash (docs/api.md, "Idempotency").
--
-- A key is now kept per caller identity (issuer, subject and party, hashed into "caller"), and a
-- reservation names the request that holds it and the instance that runs that request. The
-- command's own transaction marks the reservation with the record and version it wrote, so a
-- retry after a crash learns from this row alone whether the command committed.
ALTER TABLE idempotency_record ADD COLUMN request_id VARCHAR(64);
ALTER TABLE idempotency_record ADD COLUMN instance_id VARCHAR(64);
ALTER TABLE idempotency_record ADD COLUMN reserved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE idempotency_record ADD COLUMN record_id VARCHAR(64);
ALTER TABLE idempotency_record ADD COLUMN record_version BIGINT;

-- Keys stored by the earlier release, kept per subject alone, match no caller identity now and
-- are forgotten with the retention as before.

-- Every running instance of Samråd, with the database's time of its last heartbeat: an instance
-- whose heartbeat is older than the instance timeout is taken to be gone.
CREATE TABLE service_instance (
    instance_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
