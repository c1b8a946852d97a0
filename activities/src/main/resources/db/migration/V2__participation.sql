-- Customer entries. Name and phone are AES-GCM ciphertext with a keyed hash (HMAC-SHA256) for lookups; the
-- unique constraint on (event_id, phone_hash) is the truth of "one entry per phone per event" (Redis is only a
-- fast path in front of it).
create table participants (
    id              bigserial    primary key,
    event_id        bigint       not null references events (id),
    entry_number    bigint       not null,
    name_encrypted  text         not null,
    name_hash       varchar(64)  not null,
    phone_encrypted text         not null,
    phone_hash      varchar(64)  not null,
    entry_path      varchar(20)  not null,
    consent_at      timestamptz  not null,
    is_winner       boolean      not null default false,
    winner_rank     integer,
    created_at      timestamptz  not null default now(),
    constraint participants_event_phone_unique unique (event_id, phone_hash),
    constraint participants_event_entry_unique unique (event_id, entry_number)
);
create index participants_event_name on participants (event_id, name_hash);
create index participants_event_winners on participants (event_id, winner_rank) where is_winner;

-- Entry numbers come from one sequence per event, participant_entry_seq_<eventId>, created when the event is first
-- seen open (see api-gateway EntrySequences): unique and increasing per event without a hot counter row (a rejected
-- duplicate or a rolled-back entry may leave a gap).

-- Idempotency-Key → the first successful answer, written in the entry's transaction (Redis caches it).
create table participation_idempotency (
    event_id        bigint       not null references events (id),
    idempotency_key varchar(100) not null,
    request_hash    varchar(64)  not null,
    entry_number    bigint,
    created_at      timestamptz  not null default now(),
    primary key (event_id, idempotency_key)
);

-- One draw per event. The row is created with the seed commitment (SHA-256 of a random 32-byte seed, the seed
-- itself kept encrypted); the draw fills in the rest and reveals the seed. Locking this row serialises
-- concurrent draw requests, so the second one sees drawn_at and gets 409.
create table draws (
    event_id             bigint       primary key references events (id),
    commitment           varchar(64)  not null,
    seed_encrypted       text         not null,
    committed_at         timestamptz  not null default now(),
    drawn_at             timestamptz,
    seed_revealed        varchar(64),
    algorithm            varchar(20),
    visit_bonus          integer,
    winner_count         integer,
    participant_count    bigint,
    total_tickets        bigint,
    snapshot_hash        varchar(64),
    algorithm_version    varchar(40),
    winner_entry_numbers text
);
