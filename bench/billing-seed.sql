-- Issue 20's billing budgets: a month of a busy clinic, 5,000 discharged sessions, each proposing the lines a
-- real discharge proposes (an IV infusion: 96365 + J3490; every third an esketamine visit: G2082/G2083 + J0013),
-- so about 10,000 proposed charges spread over the demo's patients; and one patient with a year of weekly
-- infusions invoiced monthly and paid, for the statement budget. Synthetic: no real person.
with sessions as (
  select g as n, (select array_agg(id order by mrn) from patient.patient) as ids,
         date '2026-11-01' + (g % 30) as day
  from generate_series(1, 5000) g
)
insert into billing.charge (id, patient_id, source_kind, source_id, service_date, code_system, code, modifiers,
  description, units, unit_price_minor, amount_minor, currency, diagnoses, rendering_clinician, fee_schedule_version,
  basis, status, proposed_at)
select gen_random_uuid(), ids[1 + n % array_length(ids, 1)], 'DOSING_SESSION', md5('bench-session-' || n)::uuid, day,
       line.system, line.code, '{}', line.description, line.units, line.price, line.units * line.price, 'USD',
       '{F33.2}', null, 1, 'benchmark (synthetic)', 'PROPOSED', now()
from sessions,
     lateral (values
       (case when n % 3 = 0 then 'HCPCS' else 'CPT' end, case when n % 3 = 0 then (case when n % 2 = 0 then 'G2083' else 'G2082' end) else '96365' end,
        'visit', 1, case when n % 3 = 0 then 40000 else 45000 end),
       ('HCPCS', case when n % 3 = 0 then 'J0013' else 'J3490' end, 'drug',
        case when n % 3 = 0 then (case when n % 2 = 0 then 84 else 56 end) else 1 end,
        case when n % 3 = 0 then 1500 else 5000 end)) as line(system, code, description, units, price);
