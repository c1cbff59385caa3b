-- The changes processes want made to the Private Marketplace. AWS lets one change set at a time touch
-- the experience, so mpgov sends what waits together (up to 50 products in one change set) instead of
-- letting every process race for the lock. A row stays as the record of which change set carried it.
create table mpgov_pmp_change (
    client_token   varchar(64)    not null primary key,
    change_type    varchar(10)    not null,
    products       varchar(12000) not null,
    batch_token    varchar(64),
    change_set_id  varchar(64),
    sent_with      int            not null,
    alone          boolean        not null,
    enqueued_at    timestamp      not null
);
create index mpgov_pmp_change_waiting on mpgov_pmp_change (change_type, batch_token, enqueued_at);
-- batch_token: the change set token the change was reserved for, committed before AWS is asked, so that
-- a start lost after AWS accepted it is sent again with the same members and token.
create index mpgov_pmp_change_batch on mpgov_pmp_change (batch_token);

-- One row: the lock under which mpgov's nodes start change sets, and the change set running now.
create table mpgov_pmp_writer (
    id             int            not null primary key,
    change_set_id  varchar(64),
    checked_at     timestamp
);
insert into mpgov_pmp_writer (id) values (1);
