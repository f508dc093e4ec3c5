-- Counts of each read model's views by what its lists filter on (issue 13, bench P3), kept by the
-- projections in the command's transaction beside the views: a list's total is the sum of a few of
-- these rows instead of a count of every matching view. A combination is counted in up to 16 slots,
-- each record always in the same one, so that commands on different records seldom wait for one
-- row. Disposable, like the views: a rebuild writes them afresh from the views it folds. The counts
-- of the views already stored start in slot 0.

CREATE TABLE agreement_view_count (
    status      VARCHAR(20) NOT NULL,
    -- 0 for a proposal, which has no expiry date yet.
    expiry_year INTEGER     NOT NULL,
    slot        INTEGER     NOT NULL,
    n           BIGINT      NOT NULL,
    PRIMARY KEY (status, expiry_year, slot)
);
INSERT INTO agreement_view_count (status, expiry_year, slot, n)
SELECT status, COALESCE(CAST(EXTRACT(YEAR FROM expires_on) AS INTEGER), 0), 0, COUNT(*)
FROM agreement_view GROUP BY status, COALESCE(CAST(EXTRACT(YEAR FROM expires_on) AS INTEGER), 0);

CREATE TABLE meeting_view_count (
    kind         VARCHAR(32) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    meeting_year INTEGER     NOT NULL,
    slot         INTEGER     NOT NULL,
    n            BIGINT      NOT NULL,
    PRIMARY KEY (kind, status, meeting_year, slot)
);
INSERT INTO meeting_view_count (kind, status, meeting_year, slot, n)
SELECT kind, status, CAST(EXTRACT(YEAR FROM date_from) AS INTEGER), 0, COUNT(*)
FROM meeting_view GROUP BY kind, status, CAST(EXTRACT(YEAR FROM date_from) AS INTEGER);

CREATE TABLE case_view_count (
    kind   VARCHAR(32) NOT NULL,
    status VARCHAR(16) NOT NULL,
    slot   INTEGER     NOT NULL,
    n      BIGINT      NOT NULL,
    PRIMARY KEY (kind, status, slot)
);
INSERT INTO case_view_count (kind, status, slot, n)
SELECT kind, status, 0, COUNT(*) FROM case_view GROUP BY kind, status;

CREATE TABLE cost_case_view_count (
    status VARCHAR(16) NOT NULL,
    slot   INTEGER     NOT NULL,
    n      BIGINT      NOT NULL,
    PRIMARY KEY (status, slot)
);
INSERT INTO cost_case_view_count (status, slot, n)
SELECT status, 0, COUNT(*) FROM cost_case_view GROUP BY status;

CREATE TABLE law_participation_view_count (
    state VARCHAR(32) NOT NULL,
    slot  INTEGER     NOT NULL,
    n     BIGINT      NOT NULL,
    PRIMARY KEY (state, slot)
);
INSERT INTO law_participation_view_count (state, slot, n)
SELECT state, 0, COUNT(*) FROM law_participation_view GROUP BY state;
