-- Issue 13, clinical safety second pass.

-- The course a session belongs to (from its appointment): the first esketamine session of
-- a course is the label's induction day-1 dose, and measures anchor a course's baseline on
-- its first dose.
alter table dosing.session add column course_id uuid;
update dosing.session s set course_id = a.course_id
from scheduling.appointment a where a.id = s.appointment_id and a.course_id is not null;
create index session_patient_course_idx on dosing.session (patient_id, course_id) where first_dose_at is not null;

-- A pre-dose reading at or above the absolute ceiling holds the session in a way one
-- person cannot override: the time of that reading (the rest before a recheck runs from
-- it), and the second clinician who co-signed an override.
alter table dosing.session add column ceiling_held_at timestamptz;
alter table dosing.session add column hold_override_cosigned_by uuid;

-- Spravato REMS Patient Monitoring Form: due within 7 days after each outpatient session,
-- submitted by the clinic (online or fax); the confirmation number is kept.
create table dosing.rems_form (
    session_id          uuid primary key references dosing.session (id),
    due_by              timestamptz not null,
    submitted_at        timestamptz,
    confirmation_number text,
    recorded_at         timestamptz,
    recorded_by         uuid,
    check ((submitted_at is null) = (confirmation_number is null))
);
