-- Read model of the meeting projection (MeetingProjection). Disposable: a rebuild empties it and
-- refills it from the event store. A date known only to the month or year is kept as written
-- (date_text) and as the first and last day it may mean.
CREATE TABLE meeting_view (
    id            UUID         NOT NULL PRIMARY KEY,
    kind          VARCHAR(32)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    title         VARCHAR(500) NOT NULL,
    date_text     VARCHAR(10)  NOT NULL,
    date_from     DATE         NOT NULL,
    date_to       DATE         NOT NULL,
    budget_year   INTEGER      NOT NULL,
    ministry      VARCHAR(16),
    held_on       VARCHAR(10),
    cancelled_on  DATE,
    cancel_reason VARCHAR(4000),
    version       BIGINT       NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_meeting_view_date ON meeting_view (date_from, kind);
