-- Intake history, eligibility screening and decisions, consent documents and signatures.
create schema if not exists intake;

-- One intake per patient; every save is kept as a revision (decisions name the revision they relied on).
create table intake.intake (
    patient_id   uuid primary key references patient.patient (id),
    status       text        not null check (status in ('DRAFT', 'SUBMITTED')),
    revision     integer     not null,
    answers      jsonb       not null,
    submitted_at timestamptz,
    updated_at   timestamptz not null,
    updated_by   uuid
);

create table intake.intake_revision (
    patient_id uuid        not null references intake.intake (patient_id),
    revision   integer     not null,
    status     text        not null,
    answers    jsonb       not null,
    saved_at   timestamptz not null,
    saved_by   uuid,
    primary key (patient_id, revision)
);

-- Eligibility rule sets, shipped as data; a change is a new version, never an edit.
create table intake.rule_set (
    version      text primary key,
    document     jsonb       not null,
    published_at timestamptz not null,
    published_by text        not null
);

create table intake.screening (
    id                uuid primary key,
    patient_id        uuid        not null references patient.patient (id),
    rule_set_version  text        not null references intake.rule_set (version),
    intake_revision   integer     not null,
    findings          jsonb       not null,
    evaluated_at      timestamptz not null,
    evaluated_by      uuid
);
create index screening_patient_idx on intake.screening (patient_id, evaluated_at desc);

create table intake.eligibility_decision (
    id              uuid primary key,
    screening_id    uuid        not null references intake.screening (id),
    patient_id      uuid        not null references patient.patient (id),
    program         text        not null check (program in ('KAP', 'IV_INFUSION', 'ESKETAMINE')),
    decision        text        not null check (decision in ('ELIGIBLE', 'ELIGIBLE_WITH_PRECAUTIONS', 'NOT_ELIGIBLE')),
    mitigations     jsonb       not null default '{}',
    note            text,
    intake_revision integer     not null,
    decided_at      timestamptz not null,
    decided_by      uuid        not null,
    expires_at      timestamptz not null
);
create index decision_patient_program_idx on intake.eligibility_decision (patient_id, program, decided_at desc);

-- Consent texts are versioned; a signature points at the exact version and its SHA-256.
create table intake.consent_document (
    code         text        not null,
    version      integer     not null,
    title        text        not null,
    body         text        not null,
    sha256       char(64)    not null,
    published_at timestamptz not null,
    published_by text        not null,
    primary key (code, version)
);

create table intake.consent_signature (
    id                uuid primary key,
    patient_id        uuid        not null references patient.patient (id),
    document_code     text        not null,
    document_version  integer     not null,
    document_sha256   char(64)    not null,
    signer_name       text        not null,
    signer_role       text        not null check (signer_role in ('PATIENT', 'GUARDIAN')),
    details           jsonb       not null default '{}',
    signed_at         timestamptz not null,
    client_address    text,
    recorded_by       uuid        not null,
    withdrawn_at      timestamptz,
    withdrawn_by      uuid,
    withdrawal_reason text,
    foreign key (document_code, document_version) references intake.consent_document (code, version),
    check ((withdrawn_at is null) = (withdrawal_reason is null))
);
create index consent_patient_idx on intake.consent_signature (patient_id, document_code) where withdrawn_at is null;
