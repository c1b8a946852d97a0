-- Who looked at entrants' personal data (masked or not): every participant list page, CSV export and draw view,
-- with the owner, the event, when and how many rows — the access record PIPC's safety measures expect. The owner
-- reads it through GET /api/v1/events/{id}/personal-data-access.
create table personal_data_access (
    id          bigserial    primary key,
    event_id    bigint       not null references events (id),
    owner_id    bigint       not null,
    action      varchar(20)  not null,
    row_count   bigint       not null,
    accessed_at timestamptz  not null default now()
);
create index personal_data_access_event on personal_data_access (event_id, id);
