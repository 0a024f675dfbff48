-- A role's hiring manager is on its company's hiring team (issue 7 §8). The service answers 422
-- naming the field; this trigger refuses anyone else whatever writes the row. It runs with the
-- writer's rights: the company's team sees its colleagues' memberships, admins and the system all.
create function ats.check_hiring_manager() returns trigger language plpgsql as $$
begin
  if new.hiring_manager_user_id is not null and not exists (
      select 1 from identity.memberships m join ats.companies c on c.organization_id = m.organization_id
       where c.id = new.company_id and m.user_id = new.hiring_manager_user_id
         and m.role in ('company_admin', 'hiring_manager')) then
    raise exception 'the hiring manager % is not on the hiring team of company %', new.hiring_manager_user_id, new.company_id
      using errcode = 'foreign_key_violation';
  end if;
  return new;
end $$;

create trigger roles_hiring_manager_on_team before insert or update of hiring_manager_user_id, company_id on ats.roles
  for each row execute function ats.check_hiring_manager();
