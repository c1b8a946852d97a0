-- A record Kafka refuses for good (too large, bad topic) used to block its relay batch forever. Each row now counts
-- the attempts that failed for a reason other than an unavailable broker; past kt.outbox.max-attempts it moves to
-- outbox_dead_letters (kept for an operator, counted by kt.outbox.dead.lettered) and the rows behind it go on.
alter table outbox add column attempts int not null default 0;
alter table outbox add column last_error varchar(500);

create table outbox_dead_letters (
    id           bigint       primary key,
    message_id   uuid         not null unique,
    topic        varchar(100) not null,
    message_key  varchar(100) not null,
    payload      text         not null,
    trace_id     varchar(64),
    attempts     int          not null,
    last_error   varchar(500),
    created_at   timestamptz  not null,
    parked_at    timestamptz  not null default now()
);

-- Retention: published outbox rows, processed message ids and entry idempotency keys are deleted after a
-- configurable age (RetentionJobs); these indexes keep each delete an index range scan.
create index outbox_published on outbox (published_at) where published_at is not null;
create index participation_idempotency_created_at on participation_idempotency (created_at);
