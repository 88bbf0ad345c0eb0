-- Issue 22: backend services registered for the FHIR API (SMART Backend Services). A client proves who it is
-- with a JWT signed by a key of its JWKS (given inline or as a URL); it may ask for the scopes it was
-- registered with. Registrations are revoked, never deleted.
create schema if not exists fhir;

create table fhir.client (
    id            uuid        primary key,
    client_id     text        not null unique,
    name          text        not null check (length(name) between 1 and 200),
    jwks          jsonb,
    jwks_url      text,
    scopes        text[]      not null check (cardinality(scopes) > 0),
    external      boolean     not null,
    registered_at timestamptz not null,
    registered_by uuid        not null,
    revoked_at    timestamptz,
    check ((jwks is null) <> (jwks_url is null))
);

-- Each client assertion is accepted once (SMART Backend Services: the jti must not be reused while the
-- assertion could still be valid); rows past their expiry are deleted.
create table fhir.assertion_jti (
    client_id  text        not null,
    jti        text        not null,
    expires_at timestamptz not null,
    primary key (client_id, jti)
);
create index assertion_jti_expiry_idx on fhir.assertion_jti (expires_at);

-- The key the authorization server signs access tokens with, sealed (AES-GCM under a key derived from the
-- audit key, which never enters the database), shared by every instance.
create table fhir.signing_key (
    kid        text        primary key,
    sealed     bytea       not null,
    created_at timestamptz not null
);

grant usage on schema fhir to kap_app;
grant select, insert, update on fhir.client, fhir.signing_key to kap_app;
grant select, insert, delete on fhir.assertion_jti to kap_app;
