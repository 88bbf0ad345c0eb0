-- Triage safety (issue 14): a request that names suicidal thoughts is flagged when it is
-- received, and flagged requests come first in the triage queue.
alter table intake.consultation_request add column safety_flag boolean not null default false;
update intake.consultation_request set safety_flag = true where 'SUICIDAL_THOUGHTS' = any (concerns);

drop index intake.consultation_open_idx;
create index consultation_open_idx on intake.consultation_request (safety_flag desc, received_at)
    where status not in ('CONVERTED', 'DECLINED');
