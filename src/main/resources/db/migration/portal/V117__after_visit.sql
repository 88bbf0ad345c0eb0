-- Issue 21: after-visit instructions in the portal. One row per discharged dosing session (written in the
-- discharge's transaction from dosing.SessionDischarged); the instructions themselves are the clinic's
-- words (kap.portal.after-visit), shown with the session's date and program.
create table portal.after_visit (
    session_id    uuid        primary key,
    patient_id    uuid        not null references patient.patient (id),
    program       text        not null,
    discharged_at timestamptz not null
);
create index after_visit_patient_idx on portal.after_visit (patient_id, discharged_at desc);

grant select, insert on portal.after_visit to kap_app;
