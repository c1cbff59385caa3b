-- The approvals a private-offer request holds (kind → who, when, on which fields) and where its approval
-- round stands. Only mpgov's decision listener and the approval-round step write them, in the engine's
-- transaction; the process reads them from here, never from a variable a caller could send.
create table mpgov_approval (
    process_instance_id  varchar(64)   not null,
    kind                 varchar(64)   not null,
    approved_by          varchar(255)  not null,
    approved_at          timestamp     not null,
    fingerprint          varchar(4000) not null,
    primary key (process_instance_id, kind)
);

create table mpgov_approval_round (
    process_instance_id  varchar(64)   not null primary key,
    round_number         int           not null,
    outcome              varchar(32)
);

-- Who submitted each request and what, as validated (the last revision wins): the four-eyes rule
-- and the approvals' fingerprints rest on this, not on the request's variables.
create table mpgov_submission (
    process_instance_id  varchar(64)    not null primary key,
    submitted_by         varchar(255),
    fields               varchar(12000) not null,
    recorded_at          timestamp      not null
);
