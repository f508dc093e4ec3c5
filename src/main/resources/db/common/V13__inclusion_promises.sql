-- The signed promises of inclusion every command's answer makes (docs/auditing.md): that the
-- published log will hold the request's events by the deadline. Kept so that verification can
-- report every promise the log has not kept. Like the chain, this table is never rebuilt.
CREATE TABLE inclusion_promise (
    request_id  VARCHAR(64)     NOT NULL PRIMARY KEY,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline    TIMESTAMP WITH TIME ZONE NOT NULL,
    event_ids   VARCHAR(100000) NOT NULL,
    statement   VARCHAR(100000) NOT NULL,
    signature   VARCHAR(200)    NOT NULL
);
CREATE INDEX ix_inclusion_promise_deadline ON inclusion_promise (deadline);
