-- Analytics read side, fed by the Kafka consumers (event.created, participant.registered, distribution.completed)
-- and by the channel-statistics poller. Every consumer transaction inserts the message id into processed_messages
-- together with the projection change, so a re-delivered message changes nothing.
create table processed_messages (
    message_id   uuid         primary key,
    topic        varchar(100) not null,
    event_id     bigint,
    processed_at timestamptz  not null default now()
);
create index processed_messages_processed_at on processed_messages (processed_at);

-- Per-event totals. A row may be created by whichever message arrives first (messages of different topics are
-- not ordered), so the plan columns are nullable until event.created arrives. version grows with every change and
-- is what the SSE stream and the Redis live counters compare.
create table analytics_events (
    event_id              bigint       primary key,
    owner_id              bigint,
    store_id              bigint,
    objective             varchar(20),
    title                 varchar(200),
    expected_participants integer,
    estimated_cost        bigint,
    expected_roi          double precision,
    start_at              timestamptz,
    end_at                timestamptz,
    participants          bigint       not null default 0,
    last_entry_at         timestamptz,
    distribution_round    integer      not null default -1,
    version               bigint       not null default 0,
    updated_at            timestamptz  not null default now()
);
create index analytics_events_owner on analytics_events (owner_id);

-- Per channel: distribution state (from distribution.completed, newest round wins) and the last statistics
-- pulled from the channel API (kept when a later pull fails; stats_failed_at > stats_fetched_at means stale).
create table analytics_channels (
    event_id             bigint       not null,
    channel              varchar(20)  not null,
    distribution_status  varchar(20),
    distribution_round   integer      not null default -1,
    external_id          varchar(200),
    post_url             varchar(500),
    impressions          bigint,
    views                bigint,
    clicks               bigint,
    calls                bigint,
    completed_calls      bigint,
    average_call_seconds double precision,
    stats_measured_at    timestamptz,
    stats_fetched_at     timestamptz,
    stats_failed_at      timestamptz,
    stats_error          varchar(300),
    primary key (event_id, channel)
);

-- Participants per entry path (a channel name or STORE_VISIT).
create table analytics_entry_paths (
    event_id     bigint      not null,
    entry_path   varchar(20) not null,
    participants bigint      not null default 0,
    primary key (event_id, entry_path)
);

-- Participants per hour (UTC instant truncated to the hour). Asia/Seoul has no daylight saving, so the hour of day
-- and the day buckets in Asia/Seoul are exact sums of these rows.
create table analytics_hourly (
    event_id     bigint      not null,
    bucket_start timestamptz not null,
    participants bigint      not null default 0,
    primary key (event_id, bucket_start)
);

-- Per day in Asia/Seoul.
create table analytics_daily (
    event_id     bigint  not null,
    day          date    not null,
    participants bigint  not null default 0,
    primary key (event_id, day)
);
