-- Fraud's same-person lookup (recruiting/fraud-facts.ts) joins candidate records on their
-- normalised name: lower case, every run of non-alphanumerics one space. Equality on text is
-- leakproof, so under row-level security this index serves the join; without it each batch of
-- submissions read every candidate record (the trigram index cannot serve LIKE under RLS).
create index candidates_normalised_name_idx
  on ats.candidates ((regexp_replace(lower(full_name), '[^[:alnum:]]+', ' ', 'g')));
