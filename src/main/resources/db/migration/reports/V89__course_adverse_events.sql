-- Side effects and adverse events of a course's sessions, by EFFECT|SEVERITY code (issue 18, safety per
-- 100 sessions by kind and severity). The rows are derived again on the next start (model version 2).
alter table reports.course_outcome add column adverse_events jsonb not null default '{}'::jsonb;
