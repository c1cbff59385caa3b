-- Every event mpgov receives, once: deduplication by event id and the record of what became of it.
create table mpgov_event_inbox (
    event_id     varchar(200)  not null primary key,
    source       varchar(200),
    detail_type  varchar(200),
    received_at  timestamp     not null,
    outcome      varchar(40)   not null,
    note         varchar(2000),
    payload      text          not null
);
create index mpgov_event_inbox_received on mpgov_event_inbox (received_at);
