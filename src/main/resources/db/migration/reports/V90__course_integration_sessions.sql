-- Integration sessions attended in the course (issue 18, dose-response): completed individual or group
-- integration appointments booked in the course. The rows are derived again on the next start (model 3).
alter table reports.course_outcome add column integration_sessions integer not null default 0;
