-- Matching, second pass: an inverted table of candidates by canonical skill, narrowed by function
-- and seniority, newest first, so re-scoring a role reads a bounded slice of each skill's list
-- (a btree range with a limit) instead of a GIN posting list of a popular skill. Kept by
-- statement-level triggers on candidate_profiles (set-based: the seed and the bench load in bulk).
create table intelligence.candidate_skill_index (
  skill_id text not null,
  function text not null default '',
  seniority text not null default '',
  candidate_id uuid not null,
  primary key (skill_id, function, seniority, candidate_id)
);
create index candidate_skill_index_candidate on intelligence.candidate_skill_index (candidate_id);

grant select, insert, update, delete on intelligence.candidate_skill_index to app_runtime;
alter table intelligence.candidate_skill_index enable row level security;
alter table intelligence.candidate_skill_index force row level security;
create policy candidate_skill_index_system on intelligence.candidate_skill_index for all using (
  (select platform.is_system()) or (select identity.is_platform_admin())
);

create function intelligence.candidate_skill_index_added() returns trigger language plpgsql as $$
begin
  insert into intelligence.candidate_skill_index (skill_id, function, seniority, candidate_id)
  select distinct s, coalesce(a.function, ''), coalesce(a.seniority, ''), a.candidate_id
    from added a cross join lateral unnest(a.skill_ids) s
   where s not like 'raw:%'
  on conflict do nothing;
  return null;
end $$;

create function intelligence.candidate_skill_index_changed() returns trigger language plpgsql as $$
begin
  -- only rows whose skills, function or seniority changed (an upsert of the same profile touches nothing)
  delete from intelligence.candidate_skill_index i
   using after n join before o using (candidate_id)
   where i.candidate_id = n.candidate_id
     and (n.skill_ids is distinct from o.skill_ids or n.function is distinct from o.function
          or n.seniority is distinct from o.seniority);
  insert into intelligence.candidate_skill_index (skill_id, function, seniority, candidate_id)
  select distinct s, coalesce(n.function, ''), coalesce(n.seniority, ''), n.candidate_id
    from after n join before o using (candidate_id)
   cross join lateral unnest(n.skill_ids) s
   where s not like 'raw:%'
     and (n.skill_ids is distinct from o.skill_ids or n.function is distinct from o.function
          or n.seniority is distinct from o.seniority)
  on conflict do nothing;
  return null;
end $$;

create function intelligence.candidate_skill_index_removed() returns trigger language plpgsql as $$
begin
  delete from intelligence.candidate_skill_index i using gone g where i.candidate_id = g.candidate_id;
  return null;
end $$;

create trigger candidate_skill_index_added after insert on intelligence.candidate_profiles
  referencing new table as added for each statement execute function intelligence.candidate_skill_index_added();
create trigger candidate_skill_index_changed after update on intelligence.candidate_profiles
  referencing old table as before new table as after
  for each statement execute function intelligence.candidate_skill_index_changed();
create trigger candidate_skill_index_removed after delete on intelligence.candidate_profiles
  referencing old table as gone for each statement execute function intelligence.candidate_skill_index_removed();

insert into intelligence.candidate_skill_index (skill_id, function, seniority, candidate_id)
select distinct s, coalesce(c.function, ''), coalesce(c.seniority, ''), c.candidate_id
  from intelligence.candidate_profiles c cross join lateral unnest(c.skill_ids) s
 where s not like 'raw:%'
on conflict do nothing;
