-- Passkeys (WebAuthn) as a second factor (issue 16 finding 2), beside the authenticator app: the public key
-- and what Spring Security's relying-party operations keep of each credential (identity/mfa/PasskeyStore).
-- The user handle is the account's id, so no separate user-entity table. A removed passkey keeps its row
-- with the time it was removed (who removed it is in the audit trail) and no longer signs anyone in.
create table identity.passkey (
    credential_id                bytea primary key check (length(credential_id) between 16 and 1023),
    user_id                      uuid        not null references identity.app_user (id),
    label                        text        not null check (length(label) between 1 and 60),
    credential_type              text        not null,
    public_key                   bytea       not null,
    signature_count              bigint      not null,
    uv_initialized               boolean     not null,
    backup_eligible              boolean     not null,
    backup_state                 boolean     not null,
    transports                   text        not null default '',
    attestation_object           bytea       not null,
    attestation_client_data_json bytea       not null,
    created_at                   timestamptz not null,
    last_used_at                 timestamptz,
    removed_at                   timestamptz
);
create index passkey_user_idx on identity.passkey (user_id) where removed_at is null;
