-- Issue 21: the patient portal's accounts. One per patient (a guardian's proxy account comes
-- later); the patient signs in with their e-mail address, a password and an authenticator
-- code. The invitation itself is a single-use patient link (patient.patient_link, purpose
-- PORTAL_INVITE) with its date-of-birth check.
create schema if not exists portal;

create table portal.account (
    id               uuid        primary key,
    patient_id       uuid        not null unique references patient.patient (id),
    email            text        not null check (email = lower(email) and email like '%_@_%'),
    status           text        not null check (status in ('INVITED', 'ACTIVE', 'REVOKED')),
    password_hash    text,
    totp_secret      bytea,
    totp_last_step   bigint,
    failed_attempts  integer     not null default 0,
    locked_until     timestamptz,
    invited_at       timestamptz not null,
    invited_by       uuid        not null,
    activated_at     timestamptz,
    revoked_at       timestamptz,
    revoked_by       uuid,
    revoke_reason    text,
    check (status <> 'ACTIVE' or (password_hash is not null and totp_secret is not null and activated_at is not null)),
    check ((status = 'REVOKED') = (revoked_at is not null))
);
-- Sign-in is by e-mail address: one live account per address.
create unique index account_email_idx on portal.account (email) where status <> 'REVOKED';

grant usage on schema portal to kap_app;
grant select, insert, update on portal.account to kap_app;
