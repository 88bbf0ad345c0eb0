-- The outcomes report's safety check "no session without monitoring" (issue 18): per course, the sessions
-- that gave drug with no vital signs recorded after the dose. The rows are derived again on the next start
-- (model 5).
alter table reports.course_outcome add column unmonitored_sessions integer not null default 0;
