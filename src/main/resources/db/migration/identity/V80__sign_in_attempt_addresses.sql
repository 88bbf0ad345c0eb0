-- Sign-in failures are counted per address as well as per account (issue 16 finding 6): one address
-- that fails too often is throttled for every account, and an account is locked for the address its
-- failures come from, so a stranger cannot keep an administrator locked out from the clinic's own desks.
-- Rows from before this migration have no address and count toward the account as a whole.
alter table identity.login_attempt add column address text check (length(address) <= 64);
create index login_attempt_address_idx on identity.login_attempt (address, attempted_at desc) where outcome = 'FAILURE';
