-- Who was counted as a view of an event's customer page on a day (Asia/Seoul): a keyed hash of the visitor's
-- cookie id or of address and user agent, never either itself. It is what makes events.view_count count a visitor
-- once per day even when Redis, which buffers the views, forgot or re-buffered them. Rows older than yesterday
-- are deleted by the flusher.
create table page_visits (
    event_id     bigint      not null references events (id),
    day          date        not null,
    visitor_hash varchar(64) not null,
    primary key (event_id, day, visitor_hash)
);
create index page_visits_day on page_visits (day);
