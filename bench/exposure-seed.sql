-- Cumulative-exposure budget (issue 19): one bench patient with 500 past dosing sessions (IV, one START
-- each, every third day back from yesterday), copied from one of their seeded sessions. Idempotent: the
-- patient is the first with a session, and nothing is added once 500 of their sessions gave a dose.
with target as (
    select s.* from dosing.session s
    where s.patient_id = (select patient_id from dosing.session order by patient_id limit 1)
    order by s.checked_in_at limit 1
), have as (
    select count(distinct a.session_id) as n from dosing.session s join dosing.administration a on a.session_id = s.id
    where s.patient_id = (select patient_id from target) and a.kind in ('START', 'ADDITIONAL', 'DEVICE')
), made as (
    insert into dosing.session (id, patient_id, appointment_id, protocol_code, protocol_version, program, route,
        state, weight_kg, weight_measured_at, first_dose_at, last_dose_at, checked_in_at, checked_in_by, closed_at)
    select gen_random_uuid(), t.patient_id, gen_random_uuid(), t.protocol_code, t.protocol_version, t.program, t.route,
        'DISCHARGED', t.weight_kg, t.weight_measured_at, now() - g * interval '3 days',
        now() - g * interval '3 days' + interval '40 minutes', now() - g * interval '3 days' - interval '15 minutes',
        t.checked_in_by, now() - g * interval '3 days' + interval '2 hours'
    from target t, have h, generate_series(1, greatest(0, 500 - h.n)) g
    returning id, first_dose_at, checked_in_by, weight_kg
)
insert into dosing.administration (id, session_id, kind, dose_mg, at, recorded_at, recorded_by, late)
select gen_random_uuid(), m.id, 'START', round(m.weight_kg * 0.5, 1), m.first_dose_at, m.first_dose_at, m.checked_in_by,
    false
from made m;
select s.patient_id, count(distinct s.id) as sessions_with_a_dose
from dosing.session s join dosing.administration a on a.session_id = s.id
where s.patient_id = (select patient_id from dosing.session order by patient_id limit 1) group by 1;
