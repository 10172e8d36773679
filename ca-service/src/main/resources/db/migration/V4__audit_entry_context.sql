-- The same change in every service (each has its own migration numbering); keep the copies equal.
-- The audit log entry gains who acted in which role, how it ended and from where (issue 8). Entries written
-- before have none of them and keep their hash form (v1); new entries fill roles and outcome and are hashed
-- with them (v2, see AuditChain).
alter table audit_log add column roles varchar(256);
alter table audit_log add column outcome varchar(16);
alter table audit_log add column client_address varchar(128);
create index audit_log_at_idx on audit_log (at);

-- Each checkpoint signs the seq of the checkpoint before it (0: none), so a deleted checkpoint is missed.
-- Null in checkpoints signed before.
alter table audit_checkpoint add column previous_seq bigint;

-- Instances sign checkpoints in turn, under this row's lock.
insert into cluster_lock (name) values ('audit-checkpoint');
