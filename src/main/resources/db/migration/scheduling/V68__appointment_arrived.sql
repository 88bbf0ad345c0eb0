-- When the patient arrived for an appointment (issue 14: check-in from the schedule's card).
alter table scheduling.appointment add column arrived_at timestamptz;
