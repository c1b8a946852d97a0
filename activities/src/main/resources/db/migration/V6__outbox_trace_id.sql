-- The trace id of the request that wrote the message (null for work no request started, e.g. timers), so the
-- relay can carry it as a Kafka header and a consumer's log line for a message names the request behind it.
alter table outbox add column trace_id varchar(64);
