-- A political consultation meeting has its number in the budget cycle (the sources count up to
-- six a year in the first years); the first and second are no longer kinds of their own. The
-- meeting view keeps the number, and the rows and counts already kept are rewritten as a rebuild
-- from the (upcast) events would write them.
ALTER TABLE meeting_view ADD COLUMN meeting_number INTEGER;
UPDATE meeting_view SET meeting_number = 1, kind = 'CONSULTATION' WHERE kind = 'FIRST_CONSULTATION';
UPDATE meeting_view SET meeting_number = 2, kind = 'CONSULTATION' WHERE kind = 'SECOND_CONSULTATION';

DELETE FROM meeting_view_count;
INSERT INTO meeting_view_count (kind, status, meeting_year, slot, n)
SELECT kind, status, CAST(EXTRACT(YEAR FROM date_from) AS INTEGER), 0, COUNT(*)
FROM meeting_view GROUP BY kind, status, CAST(EXTRACT(YEAR FROM date_from) AS INTEGER);
