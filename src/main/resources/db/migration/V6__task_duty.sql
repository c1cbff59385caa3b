-- Who must decide each user task, as the engine evaluated it when the task was created (candidate
-- groups, the model's assignee, the approval kind). Written only by mpgov's task guard in the engine's
-- transaction, never from a variable a caller can send, and kept as the record of who could decide.
create table mpgov_task_duty (
    task_id              varchar(64)   not null primary key,
    process_instance_id  varchar(64)   not null,
    task_key             varchar(255)  not null,
    candidate_groups     varchar(1000) not null,
    assignee             varchar(255),
    approval_kind        varchar(64),
    created_at           timestamp     not null
);
create index mpgov_task_duty_instance on mpgov_task_duty (process_instance_id);
