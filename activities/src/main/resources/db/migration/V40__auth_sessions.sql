-- Sign-in sessions: one per login or sign-up. Every token carries its session id (claim "sid"); a refresh token is
-- accepted only while it is the session's current one (rotation), and presenting an older one revokes the session.
-- Logout and refresh-token reuse revoke the session: its access and refresh tokens stop working together.
create table auth_sessions (
    id               varchar(36) primary key,
    user_id          bigint       not null references users (id),
    refresh_token_id varchar(36)  not null,
    expires_at       timestamptz  not null,
    revoked_at       timestamptz,
    created_at       timestamptz  not null default now()
);
create index auth_sessions_user on auth_sessions (user_id);
create index auth_sessions_revoked on auth_sessions (expires_at) where revoked_at is not null;

-- Bumped by a password change: tokens carry the generation they were issued in (claim "gen"), older ones are refused.
alter table users add column token_generation integer not null default 0;

-- Redis keys whose copy may be stale because a write to Redis failed (e.g. a logout during a Redis blip): deleted
-- from Redis as soon as it answers again, so that readers rebuild them from the tables above.
create table redis_stale_keys (
    redis_key  varchar(200) primary key,
    created_at timestamptz not null default now()
);

-- Login and sign-up throttle while Redis is down (sliding window; Redis holds it otherwise).
create table auth_throttle_hits (
    bucket varchar(200) not null,
    hit_at timestamptz  not null
);
create index auth_throttle_hits_bucket on auth_throttle_hits (bucket, hit_at);

-- Logout used to revoke single access tokens; sessions replace that.
drop table revoked_tokens;
