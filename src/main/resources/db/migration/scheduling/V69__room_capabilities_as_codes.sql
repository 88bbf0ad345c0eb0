-- Issue 15 item 6: room capabilities become a controlled vocabulary (RoomCapability).
-- Free text typed earlier is mapped to codes when it names one in any case and spacing
-- ("iv pump", "IV  Pump", "IV_PUMP"); text that names none is kept, visibly, in
-- unrecognised_capabilities for an administrator to resolve, never silently dropped.
create function scheduling.capability_code(text) returns text
    language sql immutable
as $$
    select code from (values
        ('IV_PUMP', 'iv pump'), ('PULSE_OXIMETER', 'pulse oximeter'),
        ('BLOOD_PRESSURE_MONITOR', 'blood pressure monitor'), ('CARDIAC_MONITOR', 'cardiac monitor'),
        ('OXYGEN', 'oxygen'), ('SUCTION', 'suction'), ('RESUSCITATION_CART', 'resuscitation cart'),
        ('RECLINER', 'reclining chair')) as vocabulary (code, label)
    where lower(regexp_replace(btrim($1), '[[:space:]_-]+', ' ', 'g')) in (label, lower(replace(code, '_', ' ')))
$$;

alter table scheduling.room add column unrecognised_capabilities text[] not null default '{}';

update scheduling.room r
set capabilities = coalesce((select array_agg(distinct scheduling.capability_code(c) order by scheduling.capability_code(c))
                             from unnest(r.capabilities) c
                             where scheduling.capability_code(c) is not null), '{}'),
    unrecognised_capabilities = coalesce((select array_agg(c) from unnest(r.capabilities) c
                                          where scheduling.capability_code(c) is null), '{}');

alter table scheduling.room add constraint room_capabilities_known check (capabilities <@ array[
    'IV_PUMP', 'PULSE_OXIMETER', 'BLOOD_PRESSURE_MONITOR', 'CARDIAC_MONITOR', 'OXYGEN', 'SUCTION',
    'RESUSCITATION_CART', 'RECLINER']::text[]);
