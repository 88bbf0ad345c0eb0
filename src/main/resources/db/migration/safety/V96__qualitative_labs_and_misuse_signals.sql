-- Issue 19, second part.
-- 1. Qualitative lab results: the urinalysis dipstick for blood and the urine drug screens report
--    positive or negative, not a number; a result carries a value or a result, never neither.
alter table safety.lab_result alter column value drop not null;
alter table safety.lab_result alter column unit drop not null;
alter table safety.lab_result add column result text check (result in ('POSITIVE', 'NEGATIVE'));
alter table safety.lab_result add constraint lab_result_value_or_result check (value is not null or result is not null);
alter table safety.lab_result add constraint lab_result_void_reason
    check (voided_at is null or (voided_by is not null and length(void_reason) between 1 and 500));

-- 2. Misuse and diversion signals for the prescriber (never shown to the patient). The software records
--    what staff did and were told; it does not call a PDMP. Rows are never deleted.
create table safety.pdmp_check (
    id          uuid        primary key,
    patient_id  uuid        not null,
    checked_on  date        not null,
    state       text        not null check (state ~ '^[A-Z]{2}$'),
    result      text        not null check (result in ('NO_CONCERN', 'CONCERN', 'UNAVAILABLE')),
    note        text        check (length(note) <= 1000),
    recorded_at timestamptz not null,
    recorded_by uuid        not null
);
create index pdmp_check_patient_idx on safety.pdmp_check (patient_id, checked_on desc);

-- What the patient asked for against the plan: a session earlier than planned, a higher dose.
create table safety.patient_request (
    id           uuid        primary key,
    patient_id   uuid        not null,
    kind         text        not null check (kind in ('EARLY_SESSION', 'DOSE_ESCALATION')),
    requested_on date        not null,
    note         text        check (length(note) <= 1000),
    recorded_at  timestamptz not null,
    recorded_by  uuid        not null
);
create index patient_request_patient_idx on safety.patient_request (patient_id, requested_on desc);

-- A take-home sublingual supply: what was prescribed, and what the patient later reported using and
-- returned. The report is written once; a discrepancy is a signal.
create table safety.take_home_supply (
    id                 uuid          primary key,
    patient_id         uuid          not null,
    product            text          not null check (length(product) between 1 and 120),
    unit               text          not null check (length(unit) between 1 and 20),
    quantity_prescribed numeric(10, 2) not null check (quantity_prescribed > 0),
    prescribed_on      date          not null,
    recorded_at        timestamptz   not null,
    recorded_by        uuid          not null,
    quantity_used      numeric(10, 2) check (quantity_used >= 0),
    quantity_returned  numeric(10, 2) check (quantity_returned >= 0),
    reported_on        date,
    reported_by        uuid,
    check ((reported_on is null) = (quantity_used is null and reported_by is null))
);
create index take_home_supply_patient_idx on safety.take_home_supply (patient_id, prescribed_on desc);

grant select, insert on safety.pdmp_check, safety.patient_request to kap_app;
grant select, insert, update on safety.take_home_supply to kap_app;
