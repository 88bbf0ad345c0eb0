-- Controlled-substance ledger (ketamine and esketamine are DEA Schedule III; clinical.md 5.1).
-- Append-only: lots, entries, counts, discrepancies and their resolutions are inserted, never
-- changed. A mistake is fixed by a new entry that references the old one. The running balance
-- is carried on each entry (balance_after_mg), numbered per lot (lot_seq), so two draws on the
-- same lot cannot both start from the same balance: the service locks the lot row, and the
-- unique (lot_id, lot_seq) and the non-negative balance check hold even without it.
create schema if not exists ledger;

create table ledger.lot (
    id                      uuid primary key,
    product                 text          not null check (product in ('KETAMINE', 'ESKETAMINE')),
    ndc                     text          not null,
    lot_number              text          not null,
    expiry                  date          not null,
    concentration_mg_per_ml numeric(8, 3) not null check (concentration_mg_per_ml > 0),
    location                text          not null,
    created_at              timestamptz   not null,
    unique (ndc, lot_number, location)
);

create table ledger.entry (
    id                uuid primary key,
    seq               bigint generated always as identity unique,
    lot_id            uuid           not null references ledger.lot (id),
    lot_seq           integer        not null check (lot_seq >= 1),
    kind              text           not null check (kind in ('RECEIPT', 'DRAW', 'WASTE', 'ADJUSTMENT', 'CORRECTION')),
    -- signed change of the lot's balance: + receipt, - draw and waste, either way otherwise
    quantity_mg       numeric(12, 3) not null,
    balance_after_mg  numeric(12, 3) not null check (balance_after_mg >= 0),
    occurred_at       timestamptz    not null,
    recorded_at       timestamptz    not null,
    recorded_by       uuid,
    recorded_by_name  text           not null,
    witness_id        uuid,
    witness_name      text,
    dosing_session_id uuid,
    patient_id        uuid,
    corrects_entry_id uuid references ledger.entry (id) unique,
    discrepancy_id    uuid,
    reason            text,
    unique (lot_id, lot_seq),
    check (kind <> 'RECEIPT' or quantity_mg > 0),
    check (kind not in ('DRAW', 'WASTE') or quantity_mg < 0),
    check (kind <> 'DRAW' or (dosing_session_id is not null and patient_id is not null)),
    check (kind <> 'WASTE' or (witness_id is not null and reason is not null)),
    check (kind <> 'CORRECTION' or (corrects_entry_id is not null and reason is not null)),
    check (kind <> 'ADJUSTMENT' or reason is not null)
);
create index entry_lot_occurred_idx on ledger.entry (lot_id, occurred_at);
create index entry_session_idx on ledger.entry (dosing_session_id) where dosing_session_id is not null;

-- A physical count (reconciliation) against the running balance at that moment.
create table ledger.stock_count (
    id            uuid primary key,
    lot_id        uuid           not null references ledger.lot (id),
    counted_mg    numeric(12, 3) not null check (counted_mg >= 0),
    expected_mg   numeric(12, 3) not null,
    counted_at    timestamptz    not null,
    counted_by    uuid           not null,
    counted_by_name text         not null,
    witness_id    uuid,
    witness_name  text,
    note          text
);
create index stock_count_lot_idx on ledger.stock_count (lot_id, counted_at);

-- A count that did not match: open for an ADMIN until a resolution row exists.
create table ledger.discrepancy (
    id             uuid primary key,
    count_id       uuid           not null unique references ledger.stock_count (id),
    lot_id         uuid           not null references ledger.lot (id),
    expected_mg    numeric(12, 3) not null,
    counted_mg     numeric(12, 3) not null,
    found_at       timestamptz    not null
);

create table ledger.discrepancy_resolution (
    discrepancy_id      uuid primary key references ledger.discrepancy (id),
    resolved_at         timestamptz not null,
    resolved_by         uuid        not null,
    resolved_by_name    text        not null,
    reason              text        not null,
    adjustment_entry_id uuid references ledger.entry (id)
);

create function ledger.refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'the controlled-substance ledger is append-only: % on %.% refused', tg_op, tg_table_schema, tg_table_name;
end
$$;

do
$$
    declare
        t text;
    begin
        foreach t in array array ['lot', 'entry', 'stock_count', 'discrepancy', 'discrepancy_resolution']
            loop
                execute format('create trigger %I before update or delete on ledger.%I '
                                   'for each row execute function ledger.refuse_change()', t || '_append_only', t);
                execute format('create trigger %I before truncate on ledger.%I '
                                   'for each statement execute function ledger.refuse_change()', t || '_no_truncate', t);
            end loop;
    end
$$;
