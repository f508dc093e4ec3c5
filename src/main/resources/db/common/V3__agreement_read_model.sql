-- Read model of the agreement projection (AgreementProjection). Disposable: a rebuild empties
-- these tables and refills them from the event store.
CREATE TABLE agreement_view (
    id                 UUID          NOT NULL PRIMARY KEY,
    title              VARCHAR(1000) NOT NULL,
    category           VARCHAR(40),
    status             VARCHAR(20)   NOT NULL,
    proposed_by        VARCHAR(16),
    proposed_on        DATE,
    entered_on         DATE,
    expires_on         DATE,
    first_entered_year INTEGER,
    ended_on           DATE,
    end_reason         VARCHAR(4000),
    superseded_by      UUID,
    version            BIGINT        NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_agreement_view_expires_on ON agreement_view (expires_on, status);

CREATE TABLE agreement_view_party (
    agreement_id UUID        NOT NULL,
    party_order  INTEGER     NOT NULL,
    party_code   VARCHAR(16) NOT NULL,
    PRIMARY KEY (agreement_id, party_order),
    CONSTRAINT fk_agreement_view_party FOREIGN KEY (agreement_id) REFERENCES agreement_view (id) ON DELETE CASCADE
);
CREATE INDEX ix_agreement_view_party_code ON agreement_view_party (party_code);

CREATE TABLE agreement_view_term (
    agreement_id UUID         NOT NULL,
    term_no      INTEGER      NOT NULL,
    entered_on   DATE         NOT NULL,
    expires_on   DATE         NOT NULL,
    ended_on     DATE,
    parties      VARCHAR(500) NOT NULL,
    PRIMARY KEY (agreement_id, term_no),
    CONSTRAINT fk_agreement_view_term FOREIGN KEY (agreement_id) REFERENCES agreement_view (id) ON DELETE CASCADE
);
CREATE INDEX ix_agreement_view_term_period ON agreement_view_term (entered_on, expires_on);
