-- Issue 19: each maintenance review points at the signed MAINTENANCE_REVIEW note that records it (the
-- exposure, bladder, labs, outcome trend and misuse signals the prescriber reviewed, the decision and
-- the reason). Reviews recorded before this have none.
alter table safety.maintenance_review add column note_id uuid;
