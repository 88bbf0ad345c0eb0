-- Issue 20: voiding an invoice frees its charges for the next invoice; what the voided
-- invoice billed stays readable here (it was only in the audit trail before).
create table billing.voided_invoice_line (
    invoice_id uuid not null references billing.invoice (id),
    charge_id  uuid not null references billing.charge (id),
    primary key (invoice_id, charge_id)
);

grant select, insert on billing.voided_invoice_line to kap_app;
