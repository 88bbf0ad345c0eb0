-- Audit trail: one row per record access, sign-in event or admin change (ONC 170.315(d)(2),
-- HIPAA 164.312(b)). Rows are appended by any transaction; a single background sealer chains
-- them in order (audit.seal), so writers never wait on one another.
create schema if not exists audit;

create table audit.entry (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz not null,
    actor_id       uuid,
    actor_name     text        not null,
    actor_roles    text,
    action         text        not null,
    resource_type  text        not null,
    resource_id    text,
    patient_id     uuid,
    data_category  text,
    outcome        text        not null check (outcome in ('SUCCESS', 'DENIED', 'FAILURE')),
    client_address text,
    channel        text,
    detail         text,
    -- The inserting transaction: the sealer only chains rows whose transaction is finished.
    tx             xid8        not null default pg_current_xact_id()
);

create index entry_patient_idx on audit.entry (patient_id, id) where patient_id is not null;
create index entry_actor_idx on audit.entry (actor_id, id) where actor_id is not null;
create index entry_time_idx on audit.entry (occurred_at);
create index entry_tx_idx on audit.entry (tx);

-- The hash chain: position order is seal order; hash = SHA-256(previous hash, entry content).
create table audit.seal (
    position     bigint generated always as identity primary key,
    entry_id     bigint   not null unique,
    hash         char(64) not null,
    -- Every entry written by a transaction older than this horizon was sealed by this batch or earlier.
    sealed_below bigint   not null
);

-- Append-only, enforced by the database as well as by the code (no code path updates or deletes).
create function audit.refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'the audit trail is append-only: % on %.% refused', tg_op, tg_table_schema, tg_table_name;
end
$$;

create trigger entry_append_only before update or delete on audit.entry
    for each row execute function audit.refuse_change();
create trigger entry_no_truncate before truncate on audit.entry
    for each statement execute function audit.refuse_change();
create trigger seal_append_only before update or delete on audit.seal
    for each row execute function audit.refuse_change();
create trigger seal_no_truncate before truncate on audit.seal
    for each statement execute function audit.refuse_change();
