-- FHIR bench (issue 22), the data the issue measured the HAPI JPA server on: for every patient of the demo
-- data set, 20 PHQ-9 scores (one a week) and one discharged IV session holding 20 sets of vital signs.
-- Synthetic, drawn at random. Idempotent per patient: patients with 20 PHQ-9 scores already are skipped.
\set ON_ERROR_STOP on
begin;

create temp table bench_patient on commit drop as
select p.id as patient_id, gen_random_uuid() as session_id,
       date_trunc('minute', now() - (200 + random() * 400) * interval '1 day') as first_at
from patient.patient p
where (select count(*) from measures.measurement m where m.patient_id = p.id and m.instrument = 'PHQ-9') < 20;

insert into measures.measurement (id, patient_id, instrument, instrument_version, answers, total, severity, complete,
    administered_at, recorded_at)
select gen_random_uuid(), b.patient_id, 'PHQ-9', '2', a.answers, a.total,
       case when a.total <= 4 then 'minimal' when a.total <= 9 then 'mild' when a.total <= 14 then 'moderate'
            when a.total <= 19 then 'moderately-severe' else 'severe' end,
       true, b.first_at + k * interval '7 days', b.first_at + k * interval '7 days'
from bench_patient b cross join generate_series(0, 19) k
cross join lateral (
    select jsonb_agg(v) || '[0]'::jsonb as answers, sum(v) as total
    from (select floor(random() * 4)::int + 0 * k as v from generate_series(1, 9)) items
) a;

insert into dosing.session (id, patient_id, appointment_id, protocol_code, protocol_version, program, route, state,
    weight_kg, weight_measured_at, checklist_complete, first_dose_at, last_dose_at, checked_in_at, checked_in_by,
    closed_at, held)
select b.session_id, b.patient_id, gen_random_uuid(), 'IV_KETAMINE',
       (select max(version) from dosing.protocol where code = 'IV_KETAMINE'), 'IV_INFUSION', 'IV', 'DISCHARGED',
       70 + random() * 30, b.first_at - interval '1 day', true, b.first_at + interval '15 minutes',
       b.first_at + interval '55 minutes', b.first_at, (select id from identity.app_user where username = 'nurse.bell'),
       b.first_at + interval '3 hours', false
from bench_patient b;

insert into dosing.vitals (id, session_id, pre_dose, systolic, diastolic, heart_rate, spo2, respiratory_rate, at,
    recorded_at, recorded_by, late)
select gen_random_uuid(), b.session_id, k = 0, 110 + floor(random() * 30)::int, 70 + floor(random() * 15)::int,
       60 + floor(random() * 30)::int, 95 + floor(random() * 5)::int, 12 + floor(random() * 6)::int,
       b.first_at + k * interval '8 minutes', b.first_at + k * interval '8 minutes',
       (select id from identity.app_user where username = 'nurse.bell'), false
from bench_patient b cross join generate_series(0, 19) k;

commit;
analyze measures.measurement;
analyze dosing.vitals;
