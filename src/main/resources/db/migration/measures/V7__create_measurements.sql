-- Administrations of outcome measures and the risk flags they raise.
create schema if not exists measures;

create table measures.measurement (
    id                 uuid primary key,
    patient_id         uuid         not null references patient.patient (id),
    instrument         text         not null,
    instrument_version text         not null,
    answers            jsonb,
    total              numeric(6, 1),
    severity           text,
    subscales          jsonb        not null default '{}',
    flags              text[]       not null default '{}',
    complete           boolean      not null,
    administered_at    timestamptz  not null,
    recorded_at        timestamptz  not null,
    recorded_by        uuid
);
-- "This patient's newest PHQ-9 scores": one index range scan.
create index measurement_patient_idx on measures.measurement (patient_id, instrument, administered_at desc);

-- A suicide-risk answer opens a flag that only a clinician's documented assessment closes.
create table measures.risk_flag (
    id             uuid primary key,
    patient_id     uuid        not null references patient.patient (id),
    code           text        not null,
    measurement_id uuid        not null references measures.measurement (id),
    raised_at      timestamptz not null,
    detail         text,
    closed_at      timestamptz,
    closed_by      uuid,
    assessment     text,
    plan           text,
    check ((closed_at is null) = (assessment is null))
);
create index risk_flag_open_idx on measures.risk_flag (patient_id) where closed_at is null;
