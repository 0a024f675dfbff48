-- Idempotency-Key for money-moving API requests, with Stripe's meaning: the first request with a
-- key runs and its answer is stored in the same transaction as its effects; a replay with the same
-- request gets that answer again, a replay with a different request is refused. A request that
-- failed stored nothing (its transaction rolled back), so it may be retried with the same key.
create table platform.idempotency_keys (
  -- whose key: the signed-in user (keys of different people never collide)
  scope text not null,
  key text not null check (length(key) between 1 and 255),
  request_hash text not null check (request_hash ~ '^[0-9a-f]{64}$'),
  method text not null,
  path text not null,
  response_status integer,
  response_body jsonb,
  created_at timestamptz not null default now(),
  primary key (scope, key)
);
create index idempotency_keys_created_idx on platform.idempotency_keys (created_at);
grant select, insert, update, delete on platform.idempotency_keys to app_runtime;
