-- What each approval round demanded and which approval kinds ever objected (asked for changes or
-- rejected): an objection stands on the next rounds, and the control step shows required against given.
-- Written only by the approval planning and the decision guard, in the engine's transaction.
alter table mpgov_approval_round add column required_kinds varchar(1000);
alter table mpgov_approval_round add column objected_kinds varchar(1000);

-- Every agreement id the procurement manager entered on accepting an offer, one row per attempt, and
-- what the agreement check said of it. Written at the time, in the engine's transaction; never updated
-- but to add the check's outcome, so the evidence tells each attempt as it happened.
create table mpgov_agreement_attempt (
    process_instance_id  varchar(64)   not null,
    attempt              int           not null,
    task_id              varchar(64),
    agreement_id         varchar(4000) not null,
    entered_by           varchar(255),
    entered_at           timestamp     not null,
    outcome              varchar(16),
    reason               varchar(4000),
    checked_at           timestamp,
    primary key (process_instance_id, attempt)
);
create index mpgov_agreement_attempt_entered on mpgov_agreement_attempt (entered_at);
