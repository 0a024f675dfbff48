-- A recruiter holds one record per person (issue 7 §6): the duplicate rule in SQL, so that 20
-- concurrent adds of the same email make one candidate. The service takes a transaction lock per
-- key before its check (the losers then see the winner and answer 409 duplicate_candidate); this
-- index refuses any duplicate that would get past it. Other recruiters' records of the same person
-- stay allowed: they are warned about, and the right to represent decides between them.
create unique index candidate_identity_keys_one_per_recruiter
  on ats.candidate_identity_keys (recruiter_id, kind, key_hash);
