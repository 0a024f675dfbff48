-- A candidate follows her own applications, read-only (issue 7 §13): those of the candidate records
-- whose contact email is her signed-in account's verified email address. She reads no application,
-- candidate record or note directly (row-level security keeps her out of those tables); this
-- function applies the rule itself and returns only the role, company, stage and dates.
create index candidate_contacts_email_idx on ats.candidate_contacts (lower(email)) where email is not null;

create function ats.my_applications(after_at timestamptz, after_id uuid, max_rows integer)
returns table (id uuid, role_title text, company_name text, stage text, submitted_at timestamptz,
               stage_changed_at timestamptz, cursor_at text)
language sql stable security definer set search_path = pg_catalog, pg_temp as $$
  with me as (
    select c.email from identity.user_contacts c
     where c.user_id = platform.current_user_id()
       and c.email is not null and c.email_verified_at is not null
       and platform.has_role('candidate')
  )
  select a.id, r.title, co.name, a.stage, a.submitted_at, a.stage_changed_at,
         to_char(a.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    from me
    join ats.candidate_contacts cc on lower(cc.email) = me.email
    join ats.applications a on a.candidate_id = cc.candidate_id
    join ats.roles r on r.id = a.role_id
    join ats.companies co on co.id = a.company_id
   where after_at is null or (a.submitted_at, a.id) < (after_at, after_id)
   order by a.submitted_at desc, a.id desc
   limit least(greatest(max_rows, 1), 101)
$$;
revoke all on function ats.my_applications(timestamptz, uuid, integer) from public;
grant execute on function ats.my_applications(timestamptz, uuid, integer) to app_runtime;
