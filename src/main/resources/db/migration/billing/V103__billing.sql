-- Billing (issue 20): the clinic as billing provider, versioned fee schedules, charges derived from the
-- record, invoices, payments and refunds, and sliding-scale assessments. Money is integer minor units
-- with its ISO 4217 currency, never floating point. Nothing is deleted: charges and invoices are voided
-- with a reason, payments are reversed by refunds.
create schema if not exists billing;

-- The clinic as the superbill's billing provider (CMS-1500 items 25, 32 and 33): one row.
create table billing.clinic (
    singleton        boolean     primary key default true check (singleton),
    name             text        not null check (length(name) between 1 and 200),
    address          text        not null check (length(address) between 1 and 500),
    npi              text        not null check (npi ~ '^[0-9]{10}$'),
    tin              text        not null check (tin ~ '^[0-9]{2}-?[0-9]{7}$'),
    place_of_service text        not null default '11' check (place_of_service ~ '^[0-9]{2}$'),
    updated_at       timestamptz not null,
    updated_by       uuid        not null
);

-- A fee schedule is published whole and never edited; the one in force on a date is the latest
-- version effective on or before it.
create table billing.fee_schedule (
    id             uuid        primary key,
    version        integer     not null unique check (version > 0),
    effective_from date        not null,
    currency       text        not null check (currency ~ '^[A-Z]{3}$'),
    note           text        check (length(note) <= 1000),
    published_at   timestamptz not null,
    published_by   uuid        not null
);
create index fee_schedule_effective_idx on billing.fee_schedule (effective_from desc, version desc);

create table billing.fee_line (
    schedule_id  uuid     not null references billing.fee_schedule (id),
    position     integer  not null,
    code_system  text     not null check (code_system in ('CPT', 'HCPCS')),
    code         text     not null check (code ~ '^[0-9A-Z]{5}$'),
    modifiers    text[]   not null default '{}',
    description  text     not null check (length(description) between 1 and 120),
    price_minor  bigint   not null check (price_minor >= 0),
    units_rule   text     not null check (units_rule in ('PER_SERVICE', 'INFUSION_FIRST_HOUR', 'INFUSION_ADDITIONAL_HOUR', 'PER_MG', 'PER_HOUR_MONITORED')),
    applies_to   text[]   not null check (cardinality(applies_to) > 0),
    over_mg      numeric(7, 1),
    up_to_mg     numeric(7, 1),
    check (over_mg is null or up_to_mg is null or up_to_mg > over_mg),
    primary key (schedule_id, position),
    unique (schedule_id, code, applies_to)
);

create table billing.invoice (
    id             uuid        primary key,
    number         bigint      generated always as identity unique,
    patient_id     uuid        not null,
    issued_on      date        not null,
    period_from    date        not null,
    period_to      date        not null check (period_to >= period_from),
    currency       text        not null check (currency ~ '^[A-Z]{3}$'),
    subtotal_minor bigint      not null check (subtotal_minor >= 0),
    discount_minor bigint      not null check (discount_minor between 0 and subtotal_minor),
    total_minor    bigint      not null check (total_minor = subtotal_minor - discount_minor),
    discount_note  text,
    issued_at      timestamptz not null,
    issued_by      uuid        not null,
    voided_at      timestamptz,
    voided_by      uuid,
    void_reason    text,
    check ((voided_at is null) = (void_reason is null))
);
create index invoice_patient_idx on billing.invoice (patient_id, issued_on);
create index invoice_open_idx on billing.invoice (issued_on) where voided_at is null;

create table billing.charge (
    id                   uuid        primary key,
    patient_id           uuid        not null,
    source_kind          text        not null check (source_kind in ('DOSING_SESSION', 'APPOINTMENT', 'MANUAL')),
    source_id            uuid        not null,
    service_date         date        not null,
    code_system          text        not null check (code_system in ('CPT', 'HCPCS')),
    code                 text        not null,
    modifiers            text[]      not null default '{}',
    description          text        not null,
    units                integer     not null check (units > 0),
    unit_price_minor     bigint      not null check (unit_price_minor >= 0),
    amount_minor         bigint      not null check (amount_minor = units * unit_price_minor),
    currency             text        not null check (currency ~ '^[A-Z]{3}$'),
    diagnoses            text[]      not null default '{}',
    rendering_clinician  uuid,
    fee_schedule_version integer     not null,
    basis                text        not null,
    status               text        not null check (status in ('PROPOSED', 'POSTED', 'VOIDED')),
    proposed_at          timestamptz not null,
    posted_at            timestamptz,
    posted_by            uuid,
    voided_at            timestamptz,
    voided_by            uuid,
    void_reason          text,
    invoice_id           uuid        references billing.invoice (id),
    unique (source_kind, source_id, code),
    check (status = 'PROPOSED' or posted_at is not null or voided_at is not null),
    check ((status = 'VOIDED') = (void_reason is not null)),
    check (invoice_id is null or status = 'POSTED')
);
create index charge_patient_idx on billing.charge (patient_id, service_date);
create index charge_status_idx on billing.charge (status, service_date);

create table billing.payment (
    id           uuid        primary key,
    invoice_id   uuid        not null references billing.invoice (id),
    patient_id   uuid        not null,
    kind         text        not null check (kind in ('PAYMENT', 'REFUND')),
    method       text        not null check (method in ('CASH', 'CARD_TERMINAL', 'CHECK', 'TRANSFER', 'FUND_AWARD')),
    amount_minor bigint      not null check (amount_minor > 0),
    currency     text        not null check (currency ~ '^[A-Z]{3}$'),
    reference    text        check (length(reference) <= 200),
    fund_award   uuid,
    refund_of    uuid        references billing.payment (id),
    reason       text        check (length(reason) <= 1000),
    received_on  date        not null,
    recorded_at  timestamptz not null,
    recorded_by  uuid        not null,
    check ((kind = 'REFUND') = (refund_of is not null)),
    check (kind = 'PAYMENT' or reason is not null),
    check ((method = 'FUND_AWARD') = (fund_award is not null))
);
create index payment_invoice_idx on billing.payment (invoice_id);

-- A household's sliding-scale tier, with the evidence seen; it expires after a year.
create table billing.sliding_scale (
    id                  uuid        primary key,
    patient_id          uuid        not null,
    household_size      integer     not null check (household_size between 1 and 20),
    annual_income_minor bigint      not null check (annual_income_minor >= 0),
    guideline_year      integer     not null,
    guideline_region    text        not null,
    poverty_percent     integer     not null,
    tier                text        not null,
    discount_percent    integer     not null check (discount_percent between 0 and 100),
    evidence            text        not null check (length(evidence) between 1 and 1000),
    assessed_on         date        not null,
    expires_on          date        not null check (expires_on > assessed_on),
    assessed_at         timestamptz not null,
    assessed_by         uuid        not null
);
create index sliding_scale_patient_idx on billing.sliding_scale (patient_id, assessed_on desc);

grant usage on schema billing to kap_app;
grant select, insert, update on billing.clinic, billing.charge, billing.invoice to kap_app;
grant select, insert on billing.fee_schedule, billing.fee_line, billing.payment, billing.sliding_scale to kap_app;
