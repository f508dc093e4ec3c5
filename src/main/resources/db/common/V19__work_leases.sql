-- Work that runs on one instance at a time among those sharing the database (docs/operations.md):
-- the checkpoint signer, the expiry sweep, the idempotency clean-up. The holder runs it; when the
-- holder's heartbeat in service_instance is older than samrad.instance.timeout, the next instance
-- that asks takes the work over.
CREATE TABLE work_lease (
    work     VARCHAR(64)              NOT NULL PRIMARY KEY,
    holder   VARCHAR(64)              NOT NULL,
    taken_at TIMESTAMP WITH TIME ZONE NOT NULL
);
