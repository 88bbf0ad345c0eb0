-- Lab results recorded by staff (issue 19, liver surveillance with repeated dosing): the LOINC code, the
-- value with its unit and the laboratory's reference range, when it was collected, and the flags raised
-- when it was recorded. Never deleted: a wrong entry is voided with a reason.
create table safety.lab_result (
    id              uuid          primary key,
    patient_id      uuid          not null,
    code            text          not null,
    value           numeric(12, 4) not null,
    unit            text          not null,
    reference_low   numeric(12, 4),
    reference_high  numeric(12, 4),
    collected_at    timestamptz   not null,
    recorded_at     timestamptz   not null,
    recorded_by     uuid          not null,
    flags           text[]        not null default '{}',
    voided_at       timestamptz,
    voided_by       uuid,
    void_reason     text
);
create index lab_result_patient_idx on safety.lab_result (patient_id, code, collected_at);

grant select, insert, update on safety.lab_result to kap_app;
