-- Per-event participation options chosen by the owner (PUT /api/v1/events/{id}/participation-settings); no row means
-- the defaults (phone verification off).
create table participation_settings (
    event_id           bigint      primary key references events (id),
    phone_verification boolean     not null default false,
    updated_at         timestamptz not null default now()
);

-- The SMS code of the latest request per (event, phone): only an HMAC of it (keyed, per event and phone), never the
-- code itself. attempts counts wrong answers to this code; sent_count and first_sent_at limit sends per day.
create table phone_verifications (
    event_id      bigint      not null references events (id),
    phone_hash    varchar(64) not null,
    code_hash     varchar(64) not null,
    expires_at    timestamptz not null,
    attempts      integer     not null default 0,
    sent_count    integer     not null default 1,
    first_sent_at timestamptz not null default now(),
    last_sent_at  timestamptz not null default now(),
    primary key (event_id, phone_hash)
);
