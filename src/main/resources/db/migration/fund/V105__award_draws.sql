-- An award is spent on the patient's invoices (issue 20): each draw is a billing payment from the fund.
-- The ledger moves the drawn amount from AWARDS (owed to the patient's care) to PAID (paid to the clinic).
create table fund.award_draw (
    id             uuid        primary key,
    application_id uuid        not null references fund.application (id),
    patient_id     uuid        not null,
    amount_minor   bigint      not null check (amount_minor > 0),
    payment_id     uuid        not null unique,
    at             timestamptz not null
);
create index award_draw_application_idx on fund.award_draw (application_id);

alter table fund.ledger_entry drop constraint ledger_entry_kind_check;
alter table fund.ledger_entry add constraint ledger_entry_kind_check check (kind in ('DONATION', 'AWARD', 'ADJUSTMENT', 'DRAW'));
alter table fund.ledger_entry drop constraint ledger_entry_account_check;
alter table fund.ledger_entry add constraint ledger_entry_account_check check (account in ('CASH', 'FUND', 'AWARDS', 'PAID'));

grant select, insert on fund.award_draw to kap_app;
