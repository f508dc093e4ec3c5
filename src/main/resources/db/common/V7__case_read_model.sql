-- Read model of the case projection (CaseProjection): every case of every kind. Disposable: a
-- rebuild empties these tables and refills them from the event store. Dates known only to the
-- month or year are kept as written (*_text) and as the first day they may mean (*_from).
CREATE TABLE case_view (
    id                UUID          NOT NULL PRIMARY KEY,
    case_number       VARCHAR(16)   NOT NULL,
    number_year       INTEGER       NOT NULL,
    number_sequence   INTEGER       NOT NULL,
    kind              VARCHAR(32)   NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    title             VARCHAR(500)  NOT NULL,
    title_search      VARCHAR(500)  NOT NULL,
    summary           VARCHAR(8000),
    reported_by       VARCHAR(16),
    meeting_id        UUID          NOT NULL,
    reported_on_text  VARCHAR(10)   NOT NULL,
    reported_from     DATE          NOT NULL,
    concluded_on_text VARCHAR(10),
    outcome           VARCHAR(4000),
    final_estimate_id UUID,
    withdrawn_on      DATE,
    withdraw_reason   VARCHAR(4000),
    version           BIGINT        NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_case_view_number UNIQUE (number_year, number_sequence)
);
CREATE INDEX ix_case_view_kind_status ON case_view (kind, status);
CREATE INDEX ix_case_view_meeting ON case_view (meeting_id);

CREATE TABLE case_view_ministry (
    case_id        UUID        NOT NULL,
    ministry_order INTEGER     NOT NULL,
    ministry       VARCHAR(16) NOT NULL,
    PRIMARY KEY (case_id, ministry_order),
    CONSTRAINT fk_case_view_ministry FOREIGN KEY (case_id) REFERENCES case_view (id) ON DELETE CASCADE
);
CREATE INDEX ix_case_view_ministry ON case_view_ministry (ministry);

CREATE TABLE case_view_agenda (
    case_id      UUID        NOT NULL,
    agenda_order INTEGER     NOT NULL,
    meeting_id   UUID        NOT NULL,
    meeting_date VARCHAR(10) NOT NULL,
    outcome      VARCHAR(16),
    note         VARCHAR(4000),
    PRIMARY KEY (case_id, agenda_order),
    CONSTRAINT fk_case_view_agenda FOREIGN KEY (case_id) REFERENCES case_view (id) ON DELETE CASCADE
);
CREATE INDEX ix_case_view_agenda_meeting ON case_view_agenda (meeting_id);

CREATE TABLE case_view_input (
    case_id     UUID          NOT NULL,
    input_order INTEGER       NOT NULL,
    input_id    UUID          NOT NULL,
    party       VARCHAR(16)   NOT NULL,
    given_on    DATE          NOT NULL,
    input_text  VARCHAR(8000) NOT NULL,
    meeting_id  UUID,
    PRIMARY KEY (case_id, input_order),
    CONSTRAINT fk_case_view_input FOREIGN KEY (case_id) REFERENCES case_view (id) ON DELETE CASCADE
);
