-- The patient's own intake questionnaire (issue 14): plain-language answers kept as the
-- patient gave them; on submission they are merged into the clinician's intake draft,
-- which staff complete (codes, drug classes, vitals) and submit.
create table intake.questionnaire (
    patient_id   uuid        primary key references patient.patient (id),
    answers      jsonb       not null,
    status       text        not null check (status in ('DRAFT', 'SUBMITTED')),
    updated_at   timestamptz not null,
    submitted_at timestamptz
);
