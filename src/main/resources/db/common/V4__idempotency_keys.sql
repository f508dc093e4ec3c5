-- Answers to POST requests sent with an Idempotency-Key, per caller, kept at least 24 hours so
-- that a retried request gets the first answer instead of acting twice. A row whose status is
-- NULL is a request still in progress.
CREATE TABLE idempotency_record (
    caller          VARCHAR(255)     NOT NULL,
    idempotency_key VARCHAR(255)     NOT NULL,
    request_hash    VARCHAR(64)      NOT NULL,
    status          INTEGER,
    location        VARCHAR(2000),
    etag            VARCHAR(64),
    body            VARCHAR(1000000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX ix_idempotency_record_created_at ON idempotency_record (created_at);
