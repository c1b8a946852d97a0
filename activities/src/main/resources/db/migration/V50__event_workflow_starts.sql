-- Workflow starts the gateway owes (issue 15): POST /api/v1/events writes its DRAFT row and one of these rows in
-- one transaction and answers 202 without waiting for Temporal; EventStarter starts the workflow right after the
-- commit, and its sweeper starts whatever a crash or a Temporal outage left behind.
--
-- Only the event id is kept: the workflow's input is rebuilt from the event and store rows when the start happens,
-- so no copy of the store's data waits here. A row is deleted when its workflow has started (delete-on-start):
-- the workflow's history is the record of the start, the table holds only what is still owed, and "pending starts"
-- and "oldest pending start" are a count and a min over it. The cascade lets an event's deletion take its start.
create table event_workflow_starts (
    event_id        bigint       primary key references events (id) on delete cascade,
    trace_id        varchar(64),
    created_at      timestamptz  not null default now(),
    attempts        int          not null default 0,
    last_error      varchar(500),
    next_attempt_at timestamptz  not null default now()
);

-- the sweeper's "due, oldest first" scan
create index event_workflow_starts_due on event_workflow_starts (next_attempt_at);
