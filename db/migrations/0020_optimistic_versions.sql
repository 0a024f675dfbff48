-- Optimistic concurrency for every record people change (issue 7 §9; kernel/db/concurrency.ts):
-- an edit or a state change carries the version it was made from in its UPDATE's WHERE clause and
-- bumps it, so of two concurrent changes one wins and the other answers 409 version_conflict.
-- Roles and applications had a version already; companies, candidates, placements (their split
-- agreement and fall-off) and ownership records get one.
alter table ats.companies add column version integer not null default 1;
alter table ats.candidates add column version integer not null default 1;
alter table ats.placements add column version integer not null default 1;
alter table ats.ownership_disputes add column version integer not null default 1;
