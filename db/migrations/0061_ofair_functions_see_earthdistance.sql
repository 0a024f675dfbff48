-- PostgreSQL 15's earthdistance (1.1) defines ll_to_earth and friends as plain SQL functions that
-- name their `earth` type without a schema, so they resolve it through the caller's search_path.
-- OFAIR's security-definer functions pin their search_path to their own schemas; when one of them
-- is the first in a session to plan a query on ofair.localities, PostgreSQL loads the expression
-- index on ll_to_earth(lat, lng) there and fails with `type "earth" does not exist` (seen as a
-- 500 on accepting a proposal, now and then, only on PostgreSQL 15; newer versions ship the
-- functions with their bodies already bound). Each of these functions now also sees the schema
-- the extension lives in.
do $$
declare
  earth_schema text := (
    select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace
     where e.extname = 'earthdistance');
  f regprocedure;
begin
  for f in
    select p.oid::regprocedure from pg_proc p
     where p.pronamespace = 'ofair'::regnamespace
       and exists (select 1 from unnest(p.proconfig) c where c like 'search_path=%')
  loop
    execute format('alter function %s set search_path = ofair, platform, %I, pg_catalog', f, earth_schema);
  end loop;
end $$;
