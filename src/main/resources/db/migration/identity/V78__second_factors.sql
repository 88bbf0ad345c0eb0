-- Two-factor sign-in (issue 16 finding 2): a TOTP secret per staff member (RFC 6238), sealed with
-- AES-256-GCM under a key outside the database (identity/mfa/SecretSealing: 1 + 12 + 20 + 16 bytes), counted
-- only once confirmed with a code; the last time step accepted, so a code is never taken twice; ten one-time recovery
-- codes, of which only the SHA-256 is stored (each has 80 random bits, so a hash cannot be guessed back).
create table identity.totp_credential (
    user_id        uuid primary key references identity.app_user (id),
    -- The secret in use; null until the first one is confirmed.
    secret         bytea check (length(secret) = 49),
    confirmed_at   timestamptz,
    -- A new secret waiting for its first code: the one in use keeps working until then.
    pending_secret bytea check (length(pending_secret) = 49),
    pending_since  timestamptz,
    last_step      bigint not null default 0,
    check ((secret is null) = (confirmed_at is null))
);

create table identity.recovery_code (
    user_id   uuid        not null references identity.app_user (id),
    code_hash char(64)    not null,
    issued_at timestamptz not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);

-- A token of a user who must use two-factor sign-in but has not set it up reaches the enrolment
-- endpoints only; the step of the last step-up code this token presented (X-KAP-OTP), which the same
-- token may present again while it is current.
alter table identity.api_token
    add column scope text not null default 'FULL' check (scope in ('FULL', 'MFA_ENROLMENT')),
    add column step_up_step bigint;
