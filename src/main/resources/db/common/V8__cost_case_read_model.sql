-- Read model of the cost-case projection (CostCaseProjection): the cost-calculation cases with
-- their estimates and status updates. Disposable: a rebuild empties and refills it.
CREATE TABLE cost_case_view (
    id                UUID          NOT NULL PRIMARY KEY,
    case_number       VARCHAR(16)   NOT NULL,
    number_year       INTEGER       NOT NULL,
    number_sequence   INTEGER       NOT NULL,
    title             VARCHAR(500)  NOT NULL,
    ministries        VARCHAR(500)  NOT NULL,
    reported_by       VARCHAR(16),
    meeting_id        UUID          NOT NULL,
    reported_on_text  VARCHAR(10)   NOT NULL,
    reported_from     DATE          NOT NULL,
    reform            VARCHAR(500),
    status            VARCHAR(16)   NOT NULL,
    ended_from        DATE,
    concluded_on_text VARCHAR(10),
    outcome           VARCHAR(4000),
    final_estimate_id UUID,
    version           BIGINT        NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_cost_case_view_status ON cost_case_view (status, number_year, number_sequence);

CREATE TABLE cost_case_estimate (
    case_id        UUID           NOT NULL,
    estimate_order INTEGER        NOT NULL,
    estimate_id    UUID           NOT NULL,
    amount_nok     NUMERIC(17, 2) NOT NULL,
    period_from    INTEGER        NOT NULL,
    period_to      INTEGER        NOT NULL,
    basis          VARCHAR(4000)  NOT NULL,
    method         VARCHAR(4000)  NOT NULL,
    made_by        VARCHAR(16)    NOT NULL,
    made_on        DATE           NOT NULL,
    revises        UUID,
    revised_by     UUID,
    verdict        VARCHAR(16),
    reasons        VARCHAR(4000),
    assessed_on    DATE,
    PRIMARY KEY (case_id, estimate_order),
    CONSTRAINT fk_cost_case_estimate FOREIGN KEY (case_id) REFERENCES cost_case_view (id) ON DELETE CASCADE
);

CREATE TABLE cost_case_status_update (
    case_id      UUID          NOT NULL,
    update_order INTEGER       NOT NULL,
    meeting_id   UUID          NOT NULL,
    given_on     DATE          NOT NULL,
    update_text  VARCHAR(8000) NOT NULL,
    PRIMARY KEY (case_id, update_order),
    CONSTRAINT fk_cost_case_status_update FOREIGN KEY (case_id) REFERENCES cost_case_view (id) ON DELETE CASCADE
);
