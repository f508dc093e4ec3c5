-- Read model of the law-participation projection (LawParticipationProjection): the requests,
-- the ministry's answer and the law's milestones. Disposable: a rebuild empties and refills it.
CREATE TABLE law_participation_view (
    id                UUID          NOT NULL PRIMARY KEY,
    case_number       VARCHAR(16)   NOT NULL,
    number_year       INTEGER       NOT NULL,
    number_sequence   INTEGER       NOT NULL,
    title             VARCHAR(500)  NOT NULL,
    ministries        VARCHAR(500)  NOT NULL,
    reported_by       VARCHAR(16),
    requested_by      VARCHAR(16),
    meeting_id        UUID          NOT NULL,
    reported_on_text  VARCHAR(10)   NOT NULL,
    reported_from     DATE          NOT NULL,
    law_title         VARCHAR(500),
    law_kind          VARCHAR(16),
    eea_origin        BOOLEAN       NOT NULL,
    state             VARCHAR(20)   NOT NULL,
    decision          VARCHAR(16),
    decision_reasons  VARCHAR(4000),
    decided_on_text   VARCHAR(10),
    ended_from        DATE,
    concluded_on_text VARCHAR(10),
    outcome           VARCHAR(4000),
    version           BIGINT        NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_law_participation_view_state ON law_participation_view (state, number_year, number_sequence);

CREATE TABLE law_participation_milestone (
    case_id         UUID        NOT NULL,
    milestone_order INTEGER     NOT NULL,
    milestone       VARCHAR(32) NOT NULL,
    reached_on_text VARCHAR(10) NOT NULL,
    PRIMARY KEY (case_id, milestone_order),
    CONSTRAINT fk_law_participation_milestone FOREIGN KEY (case_id) REFERENCES law_participation_view (id)
        ON DELETE CASCADE
);
