-- Schedules attach instruments to a patient with a cadence; each occurrence is a due
-- measure that a recorded measurement completes. Interval schedules materialise their
-- next occurrence ahead of time; dose-anchored ones get occurrences when the dosing
-- capability reports a dose (Measures.scheduleAfterDose) or plans one.
create table measures.schedule (
    id            uuid primary key,
    patient_id    uuid        not null references patient.patient (id),
    instruments   text[]      not null check (cardinality(instruments) > 0),
    cadence       text        not null check (cadence in ('INTERVAL', 'DOSE_ANCHORED')),
    every_days    integer     check (every_days between 1 and 365),
    next_due_at   timestamptz,
    send_link     boolean     not null,
    created_at    timestamptz not null,
    created_by    uuid,
    ended_at      timestamptz,
    ended_by      uuid,
    end_reason    text,
    check ((cadence = 'INTERVAL') = (every_days is not null and next_due_at is not null)),
    check ((ended_at is null) = (end_reason is null))
);
create index schedule_patient_idx on measures.schedule (patient_id) where ended_at is null;
create index schedule_next_due_idx on measures.schedule (next_due_at) where ended_at is null and cadence = 'INTERVAL';

-- A patient's self-report: the instruments behind one patient link, with the answers saved
-- as the patient goes (draft) until they submit.
create table measures.self_report (
    id              uuid primary key,
    patient_id      uuid        not null references patient.patient (id),
    link_id         uuid        not null unique,
    instruments     text[]      not null check (cardinality(instruments) > 0),
    draft           jsonb       not null default '{}',
    created_at      timestamptz not null,
    created_by      uuid,
    emailed_to      text,
    submitted_at    timestamptz,
    measurement_ids uuid[]
);
create index self_report_patient_idx on measures.self_report (patient_id);

create table measures.due_measure (
    id             uuid primary key,
    patient_id     uuid        not null references patient.patient (id),
    schedule_id    uuid        not null references measures.schedule (id),
    instrument     text        not null,
    anchor         text        not null,
    due_at         timestamptz not null,
    overdue_at     timestamptz not null check (overdue_at > due_at),
    status         text        not null default 'OPEN' check (status in ('OPEN', 'DONE', 'CANCELLED')),
    measurement_id uuid references measures.measurement (id),
    completed_at   timestamptz,
    self_report_id uuid references measures.self_report (id),
    sent_at        timestamptz,
    -- materialising the same occurrence twice (two instances, a retried event) is a no-op
    unique (schedule_id, instrument, anchor, due_at)
);
create index due_measure_open_idx on measures.due_measure (due_at) where status = 'OPEN';
create index due_measure_patient_idx on measures.due_measure (patient_id, instrument) where status = 'OPEN';
create index due_measure_unsent_idx on measures.due_measure (due_at) where status = 'OPEN' and sent_at is null;

-- Doses the dosing module reported (Measures.scheduleAfterDose), marked on trajectories.
create table measures.dose_marker (
    patient_id uuid        not null references patient.patient (id),
    dose_at    timestamptz not null,
    primary key (patient_id, dose_at)
);
