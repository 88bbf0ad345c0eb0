-- Patients, guardians, care teams and body measurements.
create schema if not exists patient;

-- Human-readable medical record numbers; the UUID is the id used in URLs.
create sequence patient.mrn_seq start with 100001;

create table patient.patient (
    id                             uuid primary key,
    mrn                            text        not null unique,
    given_name                     text        not null check (length(given_name) between 1 and 100),
    family_name                    text        not null check (length(family_name) between 1 and 100),
    preferred_name                 text,
    pronouns                       text,
    birth_date                     date        not null,
    sex_at_birth                   text check (sex_at_birth in ('FEMALE', 'MALE', 'INTERSEX', 'UNKNOWN')),
    gender_identity                text,
    phone                          text,
    email                          text,
    address_line1                  text,
    address_line2                  text,
    address_city                   text,
    address_region                 text,
    address_postal_code            text,
    address_country                text,
    emergency_contact_name         text,
    emergency_contact_relationship text,
    emergency_contact_phone        text,
    primary_care_name              text,
    primary_care_organization      text,
    primary_care_phone             text,
    primary_care_email             text,
    outside_therapist_name         text,
    outside_therapist_organization text,
    outside_therapist_phone        text,
    outside_therapist_email        text,
    -- Search keys: names lower-cased and stripped of accents by the app (SearchKeys), compared
    -- byte-wise (collation C) so one index serves both prefix search and sorting.
    family_key                     text collate "C" not null,
    given_key                      text collate "C" not null,
    preferred_key                  text collate "C",
    created_at                     timestamptz not null,
    updated_at                     timestamptz not null,
    version                        bigint      not null
);

-- Name search: a prefix range on one key, already in result order (family, given, id).
create index patient_family_key_idx on patient.patient (family_key, given_key, id);
create index patient_given_key_idx on patient.patient (given_key, family_key, id);
create index patient_preferred_key_idx on patient.patient (preferred_key) where preferred_key is not null;
create index patient_birth_date_idx on patient.patient (birth_date);

create table patient.guardian (
    patient_id   uuid    not null references patient.patient (id),
    position     integer not null,
    name         text    not null,
    relationship text    not null,
    phone        text,
    email        text,
    primary key (patient_id, position)
);

-- Care team history: members are ended (removed_at), never deleted.
create table patient.care_team_member (
    id         bigint generated always as identity primary key,
    patient_id uuid        not null references patient.patient (id),
    user_id    uuid        not null,
    added_at   timestamptz not null,
    added_by   uuid,
    removed_at timestamptz,
    removed_by uuid
);
create unique index care_team_current_uk on patient.care_team_member (patient_id, user_id) where removed_at is null;
create index care_team_user_idx on patient.care_team_member (user_id, patient_id) where removed_at is null;

-- Weight and height history: dosing is weight-based, so every measurement is kept.
create table patient.body_measurement (
    id          uuid primary key,
    patient_id  uuid        not null references patient.patient (id),
    weight_kg   numeric(5, 2) check (weight_kg between 1 and 500),
    height_cm   numeric(4, 1) check (height_cm between 30 and 260),
    measured_at timestamptz not null,
    recorded_at timestamptz not null,
    recorded_by uuid,
    voided_at   timestamptz,
    voided_by   uuid,
    void_reason text,
    check (weight_kg is not null or height_cm is not null),
    check ((voided_at is null) = (void_reason is null))
);
create index body_measurement_patient_idx on patient.body_measurement (patient_id, measured_at desc)
    where voided_at is null;
