-- In-app notifications (the bell) and each person's choice of channels per event type.
create schema notifications;
grant usage on schema notifications to app_runtime;

create table notifications.inbox (
  id uuid primary key default platform.uuid_v7(),
  user_id uuid not null references identity.users (id),
  type text not null,
  title text not null check (length(title) between 1 and 300),
  body text not null default '' check (length(body) <= 2000),
  link text check (link is null or link ~ '^/'),
  event_id uuid,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  -- one notification per person per event: a redelivered event cannot notify twice
  unique (user_id, event_id)
);
create index inbox_user_idx on notifications.inbox (user_id, created_at desc, id desc);
create index inbox_unread_idx on notifications.inbox (user_id) where read_at is null;

create table notifications.preferences (
  user_id uuid not null references identity.users (id),
  event_type text not null,
  in_app boolean not null default true,
  email boolean not null default true,
  updated_at timestamptz not null default now(),
  primary key (user_id, event_type)
);

grant select, insert, update on notifications.inbox, notifications.preferences to app_runtime;

alter table notifications.inbox enable row level security;
alter table notifications.inbox force row level security;
create policy inbox_own on notifications.inbox for all
  using (user_id = platform.current_user_id() or platform.is_system())
  with check (user_id = platform.current_user_id() or platform.is_system());

alter table notifications.preferences enable row level security;
alter table notifications.preferences force row level security;
create policy preferences_own on notifications.preferences for all
  using (user_id = platform.current_user_id() or platform.is_system())
  with check (user_id = platform.current_user_id() or platform.is_system());
