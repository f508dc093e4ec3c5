-- The last case number given out in each year. Taking a number updates the year's row, whose
-- lock serialises concurrent reports of that year until the report's transaction ends.
CREATE TABLE case_number (
    number_year INTEGER PRIMARY KEY,
    last_number INTEGER NOT NULL
);
