-- Indexes in the order the lists are read (issue 6, bench P3): a page of the agreement list and
-- of the cost-case list is then read from the index in order and stops after the page, instead
-- of sorting every matching row. At 100,000 records this took the page query from tens of
-- milliseconds to under one (see docs/performance.md).
CREATE INDEX ix_agreement_view_list_order ON agreement_view (expires_on, title, id);
CREATE INDEX ix_cost_case_view_number ON cost_case_view (number_year, number_sequence);
