-- mpgov's record of the Private Marketplace: why each product is there (a request, or it was there
-- before mpgov: a baseline), its offer type, when it was last seen in use, and when and why it left.
create table mpgov_pmp_product (
    product_id      varchar(100)  not null primary key,
    offer_type      varchar(20)   not null,
    origin          varchar(20)   not null,
    request_id      varchar(64),
    requester       varchar(128),
    added_at        timestamp     not null,
    last_used_at    timestamp,
    removed_at      timestamp,
    removal_reason  varchar(500)
);
