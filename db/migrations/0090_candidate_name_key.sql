-- Fraud's same-person lookup (recruiting/fraud-facts.ts) joins candidate records on their
-- normalised name: lower case, every run of non-alphanumerics one space. Under row-level security
-- an index on that expression cannot serve the join (lower() and regexp_replace() are not
-- leakproof, so the clause waits for the policies), and each batch of submissions read every
-- record. A stored column compared with `=` (leakproof) can use a plain index.
alter table ats.candidates
  add column name_key text generated always as (regexp_replace(lower(full_name), '[^[:alnum:]]+', ' ', 'g')) stored;
create index candidates_name_key_idx on ats.candidates (name_key);
