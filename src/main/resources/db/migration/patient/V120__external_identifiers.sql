-- Identifiers other systems gave a patient (the referring EHR's MRN, say), kept from a FHIR
-- referral so that the same referral sent again finds the patient (conditional create on
-- identifier) and Patient?identifier=<system>|<value> finds them. One system's identifier
-- names one person: (system, value) is the key, so a second patient cannot take it.
create table patient.external_identifier (
    patient_id  uuid        not null references patient.patient (id),
    system      text        not null check (length(system) between 1 and 500),
    value       text        not null check (length(value) between 1 and 200),
    recorded_at timestamptz not null,
    recorded_by uuid,
    primary key (system, value)
);
create index external_identifier_patient_idx on patient.external_identifier (patient_id);

-- Kept as received: the application reads and adds them, never rewrites one (the schema's default
-- privileges, V82, would let it update).
revoke update on patient.external_identifier from kap_app;
