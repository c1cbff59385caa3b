-- An organization can have several Private Marketplace experiences; a change set changes one of them,
-- so changes share a change set only with changes of the same experience. Null: the primary experience.
alter table mpgov_pmp_change add column experience_id varchar(64);
