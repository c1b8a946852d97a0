-- Owners and their stores. Phone and business number are AES-GCM ciphertext; the phone also has a keyed
-- hash (HMAC-SHA256) so uniqueness can be enforced without decrypting.
create table users (
    id              bigserial primary key,
    name            varchar(50)  not null,
    email           varchar(254) not null,
    phone_encrypted text         not null,
    phone_hash      varchar(64)  not null,
    password_hash   varchar(100) not null,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    constraint users_email_unique unique (email),
    constraint users_phone_unique unique (phone_hash)
);

create table stores (
    id                        bigserial primary key,
    owner_id                  bigint       not null references users (id),
    name                      varchar(100) not null,
    business_type             varchar(20)  not null,
    address                   varchar(300) not null,
    business_hours            varchar(100),
    business_number_encrypted text         not null,
    created_at                timestamptz  not null default now(),
    updated_at                timestamptz  not null default now(),
    constraint stores_owner_unique unique (owner_id)
);

-- One row per event; the workflow `event-<id>` drives it, and the core activities write its progress here.
create table events (
    id                    bigserial primary key,
    owner_id              bigint       not null references users (id),
    store_id              bigint       not null references stores (id),
    objective             varchar(20)  not null,
    status                varchar(20)  not null,
    step                  varchar(30)  not null,
    title                 varchar(200),
    prize                 varchar(200),
    participation_method  varchar(300),
    guide                 varchar(1000),
    expected_participants integer,
    estimated_cost        bigint,
    expected_roi          double precision,
    image_id              varchar(80),
    image_url             varchar(500),
    image_provider        varchar(20),
    color_background      varchar(20),
    color_text            varchar(20),
    color_accent          varchar(20),
    start_at              timestamptz,
    end_at                timestamptz,
    view_count            bigint       not null default 0,
    created_at            timestamptz  not null default now(),
    updated_at            timestamptz  not null default now()
);
create index events_owner_status_created on events (owner_id, status, created_at desc);

-- Distribution state per chosen channel.
create table event_channels (
    event_id    bigint      not null references events (id),
    channel     varchar(20) not null,
    settings    text,
    status      varchar(20) not null,
    attempts    integer     not null default 0,
    last_error  varchar(1000),
    external_id varchar(200),
    post_url    varchar(500),
    updated_at  timestamptz not null default now(),
    primary key (event_id, channel)
);

-- Transactional outbox: written in the same transaction as the state change, relayed to Kafka afterwards.
create table outbox (
    id           bigserial primary key,
    message_id   uuid         not null,
    topic        varchar(100) not null,
    message_key  varchar(100) not null,
    payload      text         not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz,
    constraint outbox_message_unique unique (message_id)
);
create index outbox_unpublished on outbox (id) where published_at is null;
