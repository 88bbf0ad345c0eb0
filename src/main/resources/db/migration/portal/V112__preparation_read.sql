-- Issue 21: which preparation sections a patient has read, and in which version of the text.
create table portal.preparation_read (
    patient_id uuid        not null references patient.patient (id),
    section_id text        not null,
    version    text        not null,
    read_at    timestamptz not null,
    primary key (patient_id, section_id, version)
);

grant select, insert on portal.preparation_read to kap_app;
