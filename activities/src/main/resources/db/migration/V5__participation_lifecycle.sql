-- What happens to entries after the event: winners are told once, personal data is erased later.

-- Purging keeps the row (entry number, path, winner flag and time stay, so participant counts and analytics stay
-- exact) and overwrites name and phone: ciphertexts and name hash become the marker 'purged', the phone hash becomes
-- 'purged-<id>' (not a 64-hex HMAC, so it matches no lookup, and stays unique per event), purged_at says when.
alter table participants add column purged_at timestamptz;

-- One row per winner notification: SENDING (written before the send, naming the channel), then SENT, or REJECTED
-- when the provider definitively refused. A retried notification activity skips SENT and REJECTED, and resends a
-- SENDING one on the same channel with the same idempotency_key (per event and phone hash), so the provider replays
-- its first answer instead of sending again: nobody gets the message twice.
create table winner_notifications (
    event_id        bigint       not null references events (id),
    entry_number    bigint       not null,
    channel         varchar(20)  not null,
    status          varchar(20)  not null,
    message_id      varchar(100),
    idempotency_key varchar(100) not null,
    sent_at         timestamptz  not null default now(), -- of the last status change
    primary key (event_id, entry_number)
);
