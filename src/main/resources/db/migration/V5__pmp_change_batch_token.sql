-- batch_token alone tells whether a change went out with others (it is the change's own token when it
-- went alone), so the count of members is no longer kept.
alter table mpgov_pmp_change drop column sent_with;
-- one index serves both "free changes of a type, oldest first" and "the members of a batch"
drop index mpgov_pmp_change_waiting;
drop index mpgov_pmp_change_batch;
create index mpgov_pmp_change_batch on mpgov_pmp_change (batch_token, change_type, enqueued_at);
