-- Issue 21: secure messages between a patient and their care team. Nothing is deleted; a
-- message from the patient opens a task for the care team, a reply e-mails the patient a
-- notice without its content.
create table portal.message (
    id          uuid        primary key,
    patient_id  uuid        not null references patient.patient (id),
    direction   text        not null check (direction in ('FROM_PATIENT', 'TO_PATIENT')),
    body        text        not null check (length(body) between 1 and 4000),
    sent_at     timestamptz not null,
    sent_by     uuid,
    replied_at  timestamptz,
    check ((direction = 'TO_PATIENT') = (sent_by is not null))
);
create index message_patient_idx on portal.message (patient_id, sent_at);

grant select, insert, update on portal.message to kap_app;
