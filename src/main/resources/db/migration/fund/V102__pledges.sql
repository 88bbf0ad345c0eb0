-- Pledges from the public /donate page (issue 20): what a donor offers; staff record the donation when it is
-- received, which closes the pledge. Never deleted.
create table fund.pledge (
    id           uuid        primary key,
    donor_name   text        not null check (length(donor_name) between 1 and 200),
    email        text        not null check (length(email) between 3 and 254),
    amount_minor bigint      not null check (amount_minor > 0),
    restriction  text        not null,
    message      text        check (length(message) <= 1000),
    pledged_at   timestamptz not null,
    status       text        not null check (status in ('OPEN', 'RECEIVED')),
    donation_id  uuid        references fund.donation (id),
    check ((status = 'RECEIVED') = (donation_id is not null))
);
create index pledge_open_idx on fund.pledge (pledged_at) where status = 'OPEN';

grant select, insert, update on fund.pledge to kap_app;
