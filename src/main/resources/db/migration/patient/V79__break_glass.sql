-- Break-glass (issue 16 finding 2): a clinician outside a patient's care team opens the chart in an
-- emergency, with a reason, for a limited time; every grant is reviewed by an administrator or the
-- patient's prescriber. Never deleted: the review is recorded on the row.
create table patient.break_glass (
    id             uuid primary key,
    patient_id     uuid        not null references patient.patient (id),
    user_id        uuid        not null,
    reason         text        not null check (length(btrim(reason)) between 20 and 2000),
    granted_at     timestamptz not null,
    expires_at     timestamptz not null check (expires_at > granted_at),
    reviewed_at    timestamptz,
    reviewed_by    uuid,
    review_outcome text check (review_outcome in ('APPROPRIATE', 'NOT_APPROPRIATE')),
    review_note    text check (length(review_note) <= 2000),
    check ((reviewed_at is null) = (review_outcome is null) and (reviewed_at is null) = (reviewed_by is null))
);
create index break_glass_active_idx on patient.break_glass (user_id, patient_id, expires_at);
create index break_glass_granted_idx on patient.break_glass (granted_at desc);
