-- Revoked access tokens. Redis holds the fast-path copy; this table is the truth, so flushing Redis never
-- brings a logged-out token back to life.
create table revoked_tokens (
    token_id   varchar(64) primary key,
    expires_at timestamptz not null
);
create index revoked_tokens_expiry on revoked_tokens (expires_at);
