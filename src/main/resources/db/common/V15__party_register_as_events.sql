-- The party register is a record of its own now: its changes are events in the event store
-- (the register's history is recorded at the first start, see party/register-history.json), and
-- command handlers fold it from them. The seeded tables of V2 are no longer read.
DROP TABLE party_name;
DROP TABLE party;
