-- Issue 21: a patient may set up their account with a passkey instead of an authenticator app, so an
-- active account needs a password and an activation, not necessarily an authenticator key.
alter table portal.account drop constraint account_check;
alter table portal.account add constraint account_active_check
    check (status <> 'ACTIVE' or (password_hash is not null and activated_at is not null));
