-- Issue 21: patients' passkeys, the same columns as staff's identity.passkey (V83) so one store serves both
-- (identity.mfa.PasskeyStore). The user handle is the portal account's id; removed passkeys keep their row.
create table portal.passkey (
    credential_id                bytea primary key check (length(credential_id) between 16 and 1023),
    user_id                      uuid        not null references portal.account (id),
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
create index portal_passkey_user_idx on portal.passkey (user_id) where removed_at is null;

grant select, insert, update on portal.passkey to kap_app;
