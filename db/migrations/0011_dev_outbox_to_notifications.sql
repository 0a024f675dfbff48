-- The demo-mode message capture belongs to the notifications module (its dev-outbox channel writes
-- it, its page reads it), not to the kernel's schema.
alter table platform.dev_outbox set schema notifications;
