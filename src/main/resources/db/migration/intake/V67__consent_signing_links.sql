-- Consent signed by the patient (or guardian) on their own device or a clinic tablet
-- (issue 14): the link names one document version and who signs; a drawn signature is
-- kept with the signature it belongs to.
create table intake.consent_request (
    link_id          uuid        primary key references patient.patient_link (id),
    patient_id       uuid        not null references patient.patient (id),
    document_code    text        not null,
    document_version integer     not null,
    signer_role      text        not null check (signer_role in ('PATIENT', 'GUARDIAN')),
    created_at       timestamptz not null,
    created_by       uuid        not null,
    signature_id     uuid        references intake.consent_signature (id)
);
create index consent_request_patient_idx on intake.consent_request (patient_id);

alter table intake.consent_signature add column signature_image text
    check (signature_image is null or (signature_image like 'data:image/png;base64,%' and length(signature_image) <= 400000));
