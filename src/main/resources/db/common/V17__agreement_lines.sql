-- An agreement may continue an earlier agreement of its line, and one of several ministries may be
-- named as the one that coordinates it. Both are facts of the events (AgreementEntered revision 2,
-- AgreementRenewed revision 2); the views of agreements already stored have neither.
ALTER TABLE agreement_view ADD COLUMN continues UUID;
ALTER TABLE agreement_view ADD COLUMN coordinator VARCHAR(16);
CREATE INDEX ix_agreement_view_continues ON agreement_view (continues);
