-- Work the clinic assigns to people: an urgent review after a suicide-risk answer, later
-- co-signatures and follow-ups. A task is done by its source (closing the flag) or by an
-- assignee with a note; never deleted.
create schema if not exists tasks;

create table tasks.care_task (
    id              uuid primary key,
    patient_id      uuid        not null references patient.patient (id),
    priority        text        not null check (priority in ('URGENT', 'ROUTINE')),
    kind            text        not null,
    title           text        not null,
    detail          text,
    source_type     text        not null,
    source_id       uuid        not null,
    -- true: only the source's own workflow completes it (a risk flag needs an assessment)
    closed_by_source boolean    not null,
    created_at      timestamptz not null,
    due_by          timestamptz,
    completed_at    timestamptz,
    completed_by    uuid,
    completion_note text,
    unique (source_type, source_id, kind)
);
create index care_task_open_idx on tasks.care_task (patient_id) where completed_at is null;

create table tasks.task_assignee (
    task_id uuid not null references tasks.care_task (id),
    user_id uuid not null,
    primary key (task_id, user_id)
);
create index task_assignee_user_idx on tasks.task_assignee (user_id);
