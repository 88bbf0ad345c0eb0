-- Issue 20's award budget: every award moves its restriction's balance, and the ledger's and
-- the applications' foreign keys lock the restriction's row (key share) while it is updated
-- hundreds of times a second: each check then builds a multixact on a row with a long chain
-- of versions. Measured on the bench, that halved the award path's throughput. The balance
-- moves to a row of its own that nothing references; fund.restriction, the row the foreign
-- keys name, no longer changes.
create table fund.restriction_balance (
    code          text   primary key references fund.restriction (code),
    balance_minor bigint not null check (balance_minor >= 0)
);
insert into fund.restriction_balance (code, balance_minor) select code, balance_minor from fund.restriction;
alter table fund.restriction drop column balance_minor;

grant select, insert, update on fund.restriction_balance to kap_app;
