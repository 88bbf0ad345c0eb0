-- Consultation requests from the public page, and the staff triage trail.
create table intake.consultation_request (
    id                      uuid primary key,
    given_name              text        not null,
    family_name             text        not null,
    birth_date              date        not null,
    email                   text,
    phone                   text,
    concerns                text[]      not null,
    other_concern           text,
    preferred_contact_times text,
    message                 text,
    status                  text        not null check (status in ('NEW', 'CONTACTED', 'CONSULTATION_BOOKED', 'CONVERTED', 'DECLINED')),
    status_reason           text,
    patient_id              uuid references patient.patient (id),
    received_at             timestamptz not null,
    client_address          text,
    updated_at              timestamptz not null,
    check (email is not null or phone is not null)
);
-- The triage queue: open requests, oldest first.
create index consultation_open_idx on intake.consultation_request (received_at) where status not in ('CONVERTED', 'DECLINED');

create table intake.consultation_event (
    id         bigint generated always as identity primary key,
    request_id uuid        not null references intake.consultation_request (id),
    status     text        not null,
    reason     text,
    at         timestamptz not null,
    by_user    uuid
);
