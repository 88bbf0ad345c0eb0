-- Clinical notes (preparation, dosing session, integration, progress, discharge, group),
-- their addenda, group attendance, patient journal entries, outside providers and the
-- accounting of disclosures. Nothing here is ever deleted: notes are voided with a reason.
create schema if not exists notes;

create table notes.note_template (
    code         text        not null,
    version      integer     not null,
    name         text        not null,
    fields       jsonb       not null,
    published_at timestamptz not null,
    published_by text        not null,
    primary key (code, version)
);

create table notes.note (
    id                uuid primary key,
    patient_id        uuid,
    type              text        not null,
    template_version  integer     not null,
    body              jsonb       not null,
    search_text       text        not null,
    note_date         date        not null,
    private_process   boolean     not null default false,
    author_id         uuid        not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           integer     not null default 0,
    last_editor_session text,
    status            text        not null check (status in ('DRAFT', 'SIGNED', 'LOCKED')),
    signed_at         timestamptz,
    content_hash      text,
    cosigner_id       uuid,
    cosigned_at       timestamptz,
    voided_at         timestamptz,
    voided_by         uuid,
    void_reason       text,
    dosing_session_id uuid,
    group_id          uuid,
    -- Only the shared note of a group circle belongs to no single chart.
    check (patient_id is not null or (type = 'GROUP' and group_id is not null)),
    check (status = 'DRAFT' or (signed_at is not null and content_hash is not null))
);
create index note_patient_idx on notes.note (patient_id, note_date desc, created_at desc);
create index note_group_idx on notes.note (group_id) where group_id is not null;

create table notes.addendum (
    id           uuid primary key,
    note_id      uuid        not null references notes.note (id),
    body         text        not null,
    author_id    uuid        not null,
    signed_at    timestamptz not null,
    content_hash text        not null
);
create index addendum_note_idx on notes.addendum (note_id, signed_at);

-- Who must co-sign whose notes (supervised clinicians).
create table notes.supervision (
    clinician_id  uuid primary key,
    supervisor_id uuid        not null,
    set_at        timestamptz not null,
    set_by        uuid        not null
);

create table notes.group_attendance (
    group_id    uuid        not null,
    patient_id  uuid        not null,
    status      text        not null check (status in ('ATTENDED', 'LEFT_EARLY', 'ABSENT')),
    recorded_at timestamptz not null,
    recorded_by uuid        not null,
    primary key (group_id, patient_id)
);

-- Intentions before a session and reflections after, written by the patient via a link.
create table notes.journal_entry (
    id           uuid primary key,
    patient_id   uuid        not null,
    link_id      uuid        not null unique,
    kind         text        not null check (kind in ('INTENTION', 'REFLECTION')),
    text         text        not null default '',
    created_at   timestamptz not null,
    created_by   uuid        not null,
    submitted_at timestamptz
);
create index journal_patient_idx on notes.journal_entry (patient_id, submitted_at desc);

create table notes.outside_provider (
    id             uuid primary key,
    name           text        not null,
    credentials    text,
    practice       text,
    secure_contact text        not null,
    created_at     timestamptz not null,
    created_by     uuid        not null
);

create table notes.disclosure (
    id           uuid primary key,
    patient_id   uuid        not null,
    provider_id  uuid        not null references notes.outside_provider (id),
    content      text[]      not null,
    consent_id   uuid        not null,
    disclosed_at timestamptz not null,
    disclosed_by uuid        not null,
    pdf          bytea       not null,
    pdf_sha256   text        not null
);
create index disclosure_patient_idx on notes.disclosure (patient_id, disclosed_at desc);

create or replace function notes.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'notes.% rows are never deleted (void with a reason instead)', tg_table_name;
end $$;
create trigger note_no_delete before delete on notes.note for each row execute function notes.refuse_change();
create trigger addendum_no_change before update or delete on notes.addendum
    for each row execute function notes.refuse_change();
create trigger disclosure_no_change before update or delete on notes.disclosure
    for each row execute function notes.refuse_change();
