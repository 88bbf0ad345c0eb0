-- Issue 20: a dosing session's charges remember the session's course, so an access-fund
-- award of sessions for a course pays only for that course's sessions.
alter table billing.charge add column course_id uuid;
update billing.charge c set course_id = s.course_id
from dosing.session s
where c.source_kind = 'DOSING_SESSION' and s.id = c.source_id and s.course_id is not null;
