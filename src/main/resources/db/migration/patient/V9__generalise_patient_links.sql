-- Single-use, expiring links a patient opens without an account (intake, self-report
-- measures, later intentions). One table for every purpose, so expiry, single use and the
-- date-of-birth lockout are written and tested once. Tokens are stored as SHA-256 only.
create table patient.patient_link (
    id               uuid primary key,
    patient_id       uuid        not null references patient.patient (id),
    purpose          text        not null,
    token_hash       char(64)    not null unique,
    created_at       timestamptz not null,
    -- null when the clinic's schedule issued the link rather than a person
    created_by       uuid,
    expires_at       timestamptz not null,
    failed_attempts  integer     not null default 0,
    used_at          timestamptz
);
create index patient_link_patient_idx on patient.patient_link (patient_id, purpose);

-- Intake links issued before this version keep working under the new table.
insert into patient.patient_link (id, patient_id, purpose, token_hash, created_at, created_by, expires_at,
                                  failed_attempts, used_at)
select id, patient_id, 'INTAKE', token_hash, created_at, created_by, expires_at, failed_attempts, used_at
from intake.intake_link;
drop table intake.intake_link;
