-- A list, search, worklist, board or feed shown to a user records which patients it showed (issue 16
-- finding 5): one audit row per request carrying the ids, not one row per patient. The hash chain covers
-- the list (AuditEntry.canonical appends it when present, so rows from before keep their seals).
alter table audit.entry add column patient_ids uuid[];
create index entry_patient_ids_idx on audit.entry using gin (patient_ids) where patient_ids is not null;
