-- Maintenance-review worklist budget (issue 19): every bench patient gets one active MAINTENANCE_BOOSTER
-- course started 1 to 200 days ago, and a third of them a review since; about a third of the 100,000 are
-- then overdue or due within 14 days. Idempotent: patients who already have such a course get none.
insert into scheduling.course (id, patient_id, template_code, template_version, program, status, plan, created_at)
select gen_random_uuid(), p.id, 'MAINTENANCE_BOOSTER', '2026.12-1', 'KAP', 'ACTIVE', '[]'::jsonb,
    now() - (1 + abs(hashtext(p.id::text)) % 200) * interval '1 day'
from patient.patient p
where not exists (select 1 from scheduling.course c where c.patient_id = p.id and c.template_code = 'MAINTENANCE_BOOSTER');

insert into safety.maintenance_review (id, patient_id, course_id, decision, reason, reviewed_at, reviewed_by)
select gen_random_uuid(), c.patient_id, c.id, 'CONTINUE', 'Benchmark review (synthetic)',
    c.created_at + (c.created_at - now()) / -2, (select id from identity.app_user where username = 'dr.quill')
from scheduling.course c
where c.template_code = 'MAINTENANCE_BOOSTER' and abs(hashtext(c.patient_id::text)) % 3 = 0
  and not exists (select 1 from safety.maintenance_review r where r.patient_id = c.patient_id);

select count(*) as maintenance_courses from scheduling.course where template_code = 'MAINTENANCE_BOOSTER';
