-- Who is entitled to a product's licenses: one row per request that asked for it (its account list, OU
-- and/or account tag). The union over a product's rows is the desired state every distribution and
-- reconciliation aims at, so one request's distribution never revokes what another request entitled.
create table mpgov_entitlement (
    entitlement_id  varchar(255)  not null primary key,
    product_id      varchar(100)  not null,
    account_ids     varchar(4000),
    ou_id           varchar(100),
    account_tag     varchar(300),
    recorded_at     timestamp     not null
);
create index mpgov_entitlement_product on mpgov_entitlement (product_id);
