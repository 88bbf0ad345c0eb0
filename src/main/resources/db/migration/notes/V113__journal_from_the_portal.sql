-- Issue 21: a patient signed in to the portal writes journal entries without a link from
-- staff. Those have no link and no staff author; every other entry keeps both.
alter table notes.journal_entry alter column link_id drop not null;
alter table notes.journal_entry alter column created_by drop not null;
alter table notes.journal_entry add column from_portal boolean not null default false;
alter table notes.journal_entry add constraint journal_entry_source_check
    check (from_portal or (link_id is not null and created_by is not null));
alter table notes.journal_entry add constraint journal_entry_portal_submitted_check
    check (not from_portal or (link_id is null and submitted_at is not null));
