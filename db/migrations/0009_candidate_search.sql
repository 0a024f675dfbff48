-- Candidate search that the trigram index can serve under row-level security.
--
-- `search_text like '%words%'` on ats.candidates cannot use candidates_search_trgm_idx: LIKE is not
-- leakproof, so PostgreSQL only evaluates it after the policy, row by row. A platform admin's
-- search for words that match nobody therefore read all 1,000,000 candidates of bench/marketplace.ts
-- newest first (2 s, more on a busy machine). This function returns the ids of one page of
-- matches: it applies the visibility rule of candidates_visible itself, then lets the planner
-- choose, per call and with the words known, between the trigram index (rare words) and the
-- newest-first walk (common words).
--
-- Access is the policy's, evaluated from the same settings (app.user_id, app.roles,
-- app.actor_kind) with the same functions:
--   - platform admins and the system: every candidate;
--   - anyone else: rows where recruiter_id = ats.current_recruiter_id() or
--     ats.candidate_visible(id, recruiter_id) (the representing recruiter, hiring teams of
--     companies the person was submitted to, recruiters on their placement's split).
-- ats.candidate_visible() reads identity.memberships and ats.applications, whose own policies
-- show the caller exactly the rows it looks for (their memberships; applications to companies
-- they are a member of), so running it as the owner answers as it does for the caller.
--
-- SECURITY DEFINER with a fixed search_path (every name below is schema-qualified). The owner
-- bypasses row-level security when it is a superuser or has BYPASSRLS (the embedded database
-- and the test clusters). An owner that does not is still held by the FORCEd policy: the answer
-- is the same, only as slow as before. searchCandidates reads the returned rows through the
-- policy again, so a page never shows a row the caller may not see.
create function ats.search_candidates(
  pattern text,                -- a LIKE pattern on search_text (the caller escapes the words), or null
  skill text,                  -- skills must contain it, or null
  recruiter uuid,              -- only this recruiter's candidates (a recruiter's own list), or null
  older_than_at timestamptz,   -- keyset cursor: rows after (created_at, id) in newest-first order
  older_than_id uuid,
  max_rows integer
) returns setof uuid
language plpgsql stable security definer
set search_path = pg_catalog, pg_temp
rows 50
as $$
declare
  sees_all boolean := identity.is_platform_admin() or platform.is_system();
  me uuid := ats.current_recruiter_id();
  q text := 'select c.id from ats.candidates c where true';
begin
  if recruiter is not null and (pattern is not null or skill is not null)
     and (select count(*) from (select from ats.candidates where recruiter_id = recruiter limit 5001) x) <= 5000
  then
    -- A recruiter's own candidates are a few hundred: read through candidates_recruiter_idx and
    -- filtered, they take a millisecond. Left free, the planner intersects them with the trigram
    -- index, which it prices as cheap but which takes tens of milliseconds for words made of
    -- common trigrams (a full name). Past 5,000 the planner's choice is the better bet.
    q := 'with mine as materialized (select id, recruiter_id, created_at, search_text, skills
            from ats.candidates where recruiter_id = $2)
          select c.id from mine c where true';
  end if;
  if not sees_all then
    q := q || ' and (c.recruiter_id = $1 or ats.candidate_visible(c.id, c.recruiter_id))';
  end if;
  if recruiter is not null then
    q := q || ' and c.recruiter_id = $2';
  end if;
  if pattern is not null then
    q := q || ' and c.search_text like $3';
  end if;
  if skill is not null then
    q := q || ' and ats.lower_words(c.skills) @> array[lower($4)]::text[]';
  end if;
  if older_than_at is not null and older_than_id is not null then
    q := q || ' and (c.created_at, c.id) < ($5, $6)';
  end if;
  q := q || ' order by c.created_at desc, c.id desc limit $7';
  -- EXECUTE plans this statement for these values (a custom plan), not one plan for every word
  return query execute q using me, recruiter, pattern, skill, older_than_at, older_than_id, max_rows;
end $$;

revoke all on function ats.search_candidates(text, text, uuid, timestamptz, uuid, integer) from public;
grant execute on function ats.search_candidates(text, text, uuid, timestamptz, uuid, integer) to app_runtime;

-- The planner chooses between the trigram index and the newest-first walk by how many candidates
-- it expects the words to match, which it reads off search_text's statistics. With the default
-- 100 sampled values a surname held by 1.7% of candidates ('lev') looked as rare as a word that
-- matches nobody, and the trigram path then read 17,000 rows (1.1 s); 1,000 values tell them apart.
alter table ats.candidates alter column search_text set statistics 1000;
analyze ats.candidates (search_text);
