-- Staff accounts, roles, sign-in attempts (for lockout) and API tokens.
create schema if not exists identity;

create table identity.app_user (
    id            uuid primary key,
    username      text        not null check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    display_name  text        not null check (length(display_name) between 1 and 200),
    password_hash text        not null,
    active        boolean     not null default true,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null
);
-- Unique by normalised name: "Admin" and "admin" are one account (ONC 170.315(d)(1)).
create unique index app_user_username_uk on identity.app_user (lower(username));

create table identity.user_role (
    user_id uuid not null references identity.app_user (id),
    role    text not null check (role in ('ADMIN', 'PRESCRIBER', 'NURSE', 'THERAPIST', 'FRONT_DESK')),
    primary key (user_id, role)
);

-- Failures since the last success or reset count toward lockout.
create table identity.login_attempt (
    id           bigint generated always as identity primary key,
    username     text        not null,
    attempted_at timestamptz not null,
    outcome      text        not null check (outcome in ('FAILURE', 'SUCCESS', 'RESET'))
);
create index login_attempt_username_idx on identity.login_attempt (username, attempted_at desc);

-- API bearer tokens: only the SHA-256 of the token is stored.
create table identity.api_token (
    id         uuid primary key,
    user_id    uuid        not null references identity.app_user (id),
    token_hash char(64)    not null unique,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index api_token_user_idx on identity.api_token (user_id) where revoked_at is null;
