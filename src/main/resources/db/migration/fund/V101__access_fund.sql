-- The access fund (issue 20): donations in, awards out, per restriction, in integer minor units.
-- Double entry: every transaction writes entries that sum to zero (the FUND account is credit-normal,
-- so a restriction's balance is minus the sum of its FUND entries). fund.restriction keeps that balance
-- as derived data, written only with its entries in the same transaction, and its check constraint is
-- what makes overspending impossible: an award that does not fit updates no row.
create schema if not exists fund;

create table fund.restriction (
    code          text    primary key check (code ~ '^(UNRESTRICTED|PROGRAM:[A-Z_]+|CONDITION:[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?)$'),
    currency      text    not null check (currency ~ '^[A-Z]{3}$'),
    balance_minor bigint  not null default 0 check (balance_minor >= 0)
);

create table fund.donation (
    id             uuid        primary key,
    receipt_number bigint      generated always as identity unique,
    donor_name     text        not null check (length(donor_name) between 1 and 200),
    anonymous      boolean     not null,
    email          text        check (length(email) <= 254),
    amount_minor   bigint      not null check (amount_minor > 0),
    currency       text        not null check (currency ~ '^[A-Z]{3}$'),
    restriction    text        not null references fund.restriction (code),
    received_on    date        not null,
    method         text        not null check (method in ('CASH', 'CARD', 'CHECK', 'TRANSFER', 'OTHER')),
    recorded_at    timestamptz not null,
    recorded_by    uuid        not null
);
create index donation_received_idx on fund.donation (received_on);

create table fund.application (
    id                   uuid        primary key,
    patient_id           uuid        not null,
    household_size       integer     not null check (household_size between 1 and 20),
    annual_income_minor  bigint      not null check (annual_income_minor >= 0),
    currency             text        not null,
    need_statement       text        not null check (length(need_statement) between 1 and 4000),
    guideline_year       integer     not null,
    guideline_region     text        not null,
    guideline_minor      bigint      not null check (guideline_minor > 0),
    poverty_percent      integer     not null,
    status               text        not null check (status in ('PENDING', 'AWARDED', 'DECLINED')),
    submitted_at         timestamptz not null,
    submitted_by         uuid        not null,
    decided_at           timestamptz,
    decided_by           uuid,
    decision_reason      text,
    award_minor          bigint      check (award_minor > 0),
    award_restriction    text        references fund.restriction (code),
    check ((status = 'PENDING') = (decided_at is null)),
    check ((status = 'AWARDED') = (award_minor is not null and award_restriction is not null))
);
create index application_patient_idx on fund.application (patient_id);
create index application_status_idx on fund.application (status, submitted_at);

create table fund.ledger_entry (
    id           bigint      generated always as identity primary key,
    txn_id       uuid        not null,
    kind         text        not null check (kind in ('DONATION', 'AWARD', 'ADJUSTMENT')),
    account      text        not null check (account in ('CASH', 'FUND', 'AWARDS')),
    restriction  text        not null references fund.restriction (code),
    amount_minor bigint      not null check (amount_minor <> 0),
    currency     text        not null,
    source_id    uuid        not null,
    at           timestamptz not null
);
create index ledger_entry_txn_idx on fund.ledger_entry (txn_id);
create index ledger_entry_restriction_idx on fund.ledger_entry (restriction, account);

grant usage on schema fund to kap_app;
grant select, insert, update on fund.restriction, fund.application to kap_app;
grant select, insert on fund.donation, fund.ledger_entry to kap_app;
