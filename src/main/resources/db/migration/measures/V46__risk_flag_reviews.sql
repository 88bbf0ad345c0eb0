-- Dated reviews of an open risk flag: a clinician's same-day safety assessment and plan
-- while the flag stays open (clinical.md 4.1: a suicide-risk answer needs same-day
-- assessment). Kept as history: reviews are never updated or deleted.
create table measures.risk_flag_review (
    id          uuid primary key,
    flag_id     uuid        not null references measures.risk_flag (id),
    patient_id  uuid        not null references patient.patient (id),
    assessment  text        not null check (btrim(assessment) <> ''),
    plan        text        not null check (btrim(plan) <> ''),
    reviewed_at timestamptz not null,
    reviewed_by uuid        not null
);
create index risk_flag_review_flag_idx on measures.risk_flag_review (flag_id, reviewed_at);

-- A further risk answer on an open flag is added to it; a review before that answer has
-- not seen it, so the flag remembers when it was last raised.
alter table measures.risk_flag add column last_raised_at timestamptz;
update measures.risk_flag set last_raised_at = raised_at;
alter table measures.risk_flag alter column last_raised_at set not null;
