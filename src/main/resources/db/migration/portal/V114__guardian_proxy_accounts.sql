-- Issue 21: a minor's guardian on file may hold a proxy account of their own, beside the minor's
-- account. `holder` says whose account it is; a guardian's names the guardian it was issued to (as
-- on file when invited: sign-in checks the guardian with that e-mail is still on file and the
-- patient still a minor). The invitation link an account was issued with identifies it, since a
-- patient may now have several.
alter table portal.account add column holder text not null default 'PATIENT'
    check (holder in ('PATIENT', 'GUARDIAN'));
alter table portal.account add column guardian_name text;
alter table portal.account add column guardian_relationship text;
alter table portal.account add column invite_link_id uuid;
alter table portal.account add check ((holder = 'GUARDIAN') = (guardian_name is not null));
alter table portal.account drop constraint account_patient_id_key;
create unique index account_patient_holder_idx on portal.account (patient_id) where holder = 'PATIENT';
create unique index account_guardian_idx on portal.account (patient_id, email) where holder = 'GUARDIAN';
create unique index account_invite_link_idx on portal.account (invite_link_id);

-- Each portal account has its own conversation with the care team: a guardian's messages are not
-- the minor's, and the minor's are not shown to the guardian. Null: the patient's own thread.
alter table portal.message add column guardian_account_id uuid references portal.account (id);
create index message_guardian_idx on portal.message (guardian_account_id) where guardian_account_id is not null;

-- The portal's home counts the care team's messages its holder has not opened yet.
alter table portal.message add column read_at timestamptz;
create index message_unread_idx on portal.message (patient_id) where direction = 'TO_PATIENT' and read_at is null;
