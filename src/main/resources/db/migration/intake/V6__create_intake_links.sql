-- Single-use links that let a patient fill in their own intake without an account.
create table intake.intake_link (
    id               uuid primary key,
    patient_id       uuid        not null references patient.patient (id),
    token_hash       char(64)    not null unique,
    created_at       timestamptz not null,
    created_by       uuid        not null,
    expires_at       timestamptz not null,
    failed_attempts  integer     not null default 0,
    used_at          timestamptz
);
create index intake_link_patient_idx on intake.intake_link (patient_id);
