-- The first drug-giving administration of each treatment course, as the dosing module
-- reports it (Measures.doseGiven). A course's outcome baseline is the last complete
-- administration on or before this instant (clinical.md 4.2: the pre-treatment baseline
-- of that treatment episode). Measures keeps its own copy so it depends on neither dosing
-- nor scheduling; a repeated or later report keeps the earliest dose.
create table measures.course_first_dose (
    patient_id    uuid        not null references patient.patient (id),
    course_id     uuid        not null,
    first_dose_at timestamptz not null,
    recorded_at   timestamptz not null,
    primary key (patient_id, course_id)
);
