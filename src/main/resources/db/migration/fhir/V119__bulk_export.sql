-- Bulk Data Access 2.0 $export (issue 22): one row per export a client or staff member starts, and its
-- NDJSON output in parts. Output files are copies of the chart made for one recipient: they expire and are
-- deleted (the job row stays, EXPIRED, as the record that the export happened; the audit trail holds who
-- was exported). Kept in the database so that any instance can answer a poll or a download.
create table fhir.export_job (
    id               uuid        primary key,
    owner            text        not null,
    level            text        not null check (level in ('SYSTEM', 'PATIENT', 'GROUP')),
    request_url      text        not null,
    types            text[]      not null,
    since            timestamptz,
    type_filters     text[]      not null default '{}',
    status           text        not null check (status in ('ACCEPTED', 'RUNNING', 'COMPLETE', 'FAILED', 'CANCELLED', 'EXPIRED')),
    patients_done    integer     not null default 0,
    error            text,
    transaction_time timestamptz not null,
    heartbeat_at     timestamptz not null,
    completed_at     timestamptz,
    expires_at       timestamptz
);
create index export_job_expiry_idx on fhir.export_job (expires_at) where status = 'COMPLETE';

create table fhir.export_file (
    job_id         uuid    not null references fhir.export_job (id),
    part           integer not null,
    resource_type  text    not null,
    resource_count integer not null check (resource_count > 0),
    ndjson         text    not null,
    primary key (job_id, part)
);

grant select, insert, update on fhir.export_job to kap_app;
grant select, insert, delete on fhir.export_file to kap_app;
