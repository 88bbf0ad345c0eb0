-- Outcomes bench (issue 18): one finished treatment course for every patient of the demo data set, with
-- its dosing sessions and the PHQ-9 and GAD-7 scores around it, so the database holds 100,000 patients and
-- about 2 million measurements, the size the report's budget names. Synthetic: programs, responses and
-- drop-outs are drawn at random (bench/outcomes.sh). Idempotent per patient: patients with a course
-- already are skipped.
\set ON_ERROR_STOP on
begin;

create temp table bench_course on commit drop as
select p.id as patient_id, gen_random_uuid() as course_id,
       date_trunc('minute', now() - (40 + random() * 1060) * interval '1 day') as first_dose,
       (array['KAP', 'IV_INFUSION', 'ESKETAMINE'])[1 + floor(random() * 3)::int] as program,
       12 + floor(random() * 13)::int as baseline,
       -- responder 45 %, partial 28 %, non-responder 27 % (invented for the bench)
       case when random() < 0.45 then 0.2 + random() * 0.25 when random() < 0.5 then 0.55 + random() * 0.2
            else 0.85 + random() * 0.2 end as factor,
       floor(random() * 100)::int as stays
from patient.patient p
where not exists (select 1 from dosing.session s where s.patient_id = p.id and s.course_id is not null);

insert into dosing.session (id, patient_id, appointment_id, protocol_code, protocol_version, program, route, state,
    weight_kg, weight_measured_at, checklist_complete, first_dose_at, last_dose_at, checked_in_at, checked_in_by,
    closed_at, course_id, held)
select gen_random_uuid(), c.patient_id, gen_random_uuid(),
       case c.program when 'KAP' then 'KAP_IM_KETAMINE' when 'IV_INFUSION' then 'IV_KETAMINE' else 'ESKETAMINE_REMS' end,
       (select max(version) from dosing.protocol pr where pr.code = case c.program when 'KAP' then 'KAP_IM_KETAMINE'
            when 'IV_INFUSION' then 'IV_KETAMINE' else 'ESKETAMINE_REMS' end),
       c.program, case c.program when 'KAP' then 'IM' when 'IV_INFUSION' then 'IV' else 'IN' end, 'DISCHARGED',
       70 + random() * 30, c.first_dose - interval '1 day', true,
       c.first_dose + k * interval '3 days', c.first_dose + k * interval '3 days' + interval '40 minutes',
       c.first_dose + k * interval '3 days' - interval '15 minutes',
       (select id from identity.app_user where username = 'nurse.bell'),
       c.first_dose + k * interval '3 days' + interval '2 hours',
       c.course_id, random() < 0.05
from bench_course c cross join generate_series(0, 5) k;

-- Baseline 1-10 days before the first dose, weekly during the course, end of course, then 1, 3, 6, 12 months
-- while the patient stays in touch (15 % lost after the course, 15 % after 3 months) and the date has passed.
insert into measures.measurement (id, patient_id, instrument, instrument_version, total, severity, complete,
    administered_at, recorded_at)
select gen_random_uuid(), c.patient_id, i.code, i.version, t.total,
       case when i.code = 'PHQ-9' then case when t.total <= 4 then 'minimal' when t.total <= 9 then 'mild'
            when t.total <= 14 then 'moderate' when t.total <= 19 then 'moderately-severe' else 'severe' end
            else case when t.total <= 4 then 'minimal' when t.total <= 9 then 'mild' when t.total <= 14 then 'moderate'
            else 'severe' end end,
       true, t.at, t.at
from bench_course c
cross join (values ('PHQ-9', '2', 24), ('GAD-7', '2', 21)) as i(code, version, max)
cross join lateral (
    select least(i.max, greatest(0, round(s.score * i.max / 24.0 + (random() - 0.5) * 3))) as total, s.at
    from (values
        (c.baseline::numeric, c.first_dose - (1 + floor(random() * 10)) * interval '1 day', 0),
        (c.baseline * (2 + c.factor) / 3, c.first_dose + interval '4 days', 0),
        (c.baseline * (1 + c.factor) / 2, c.first_dose + interval '7 days', 0),
        (c.baseline * (1 + 2 * c.factor) / 3, c.first_dose + interval '11 days', 0),
        (c.baseline * c.factor, c.first_dose + interval '16 days', 0),
        (c.baseline * c.factor + 1, c.first_dose + interval '1 month' + (random() * 10 - 5) * interval '1 day', 1),
        (c.baseline * c.factor + 1, c.first_dose + interval '3 months' + (random() * 10 - 5) * interval '1 day', 3),
        (c.baseline * c.factor + 2, c.first_dose + interval '6 months' + (random() * 10 - 5) * interval '1 day', 6),
        (c.baseline * c.factor + 2, c.first_dose + interval '12 months' + (random() * 10 - 5) * interval '1 day', 12)
    ) as s(score, at, months)
    where s.at < now() and (s.months = 0 or c.stays >= 15) and (s.months <= 3 or c.stays >= 30)
) t;

commit;
analyze dosing.session;
analyze measures.measurement;
select (select count(*) from patient.patient) as patients, (select count(*) from measures.measurement) as measurements,
       (select count(*) from dosing.session where course_id is not null) as course_sessions;
