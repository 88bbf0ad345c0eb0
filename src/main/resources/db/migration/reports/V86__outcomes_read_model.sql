-- The outcomes report's read model (ADR 7, issue 18): one row per (course, instrument), kept current by
-- the reports module from measures' and dosing's events, so a report over 100,000 courses aggregates one
-- indexed table instead of scanning every measurement. instrument '*' is the course itself (the cohort
-- and its safety counts, whether or not any instrument was taken).
create schema if not exists reports;

create table reports.course_outcome (
    course_id         uuid        not null,
    instrument        text        not null,
    patient_id        uuid        not null,
    program           text        not null,
    route             text        not null,
    -- The primary diagnosis's ICD-10-CM code as recorded at intake (null: none recorded).
    condition         text,
    age_band          text        not null,
    sex_at_birth      text,
    first_dose_at     timestamptz not null,
    last_dose_at      timestamptz not null,
    sessions          integer     not null,
    mg_per_kg         numeric(6, 3),
    held_sessions     integer     not null,
    alerts            integer     not null,
    baseline          numeric(6, 1),
    baseline_at       timestamptz,
    baseline_band     text,
    eoc_total         numeric(6, 1),
    eoc_at            timestamptz,
    eoc_band          text,
    eoc_response      boolean,
    eoc_remission     boolean,
    eoc_meaningful    boolean,
    m1_total         numeric(6, 1),
    m1_at            timestamptz,
    m1_band          text,
    m1_response      boolean,
    m1_remission     boolean,
    m1_meaningful    boolean,
    m3_total         numeric(6, 1),
    m3_at            timestamptz,
    m3_band          text,
    m3_response      boolean,
    m3_remission     boolean,
    m3_meaningful    boolean,
    m6_total         numeric(6, 1),
    m6_at            timestamptz,
    m6_band          text,
    m6_response      boolean,
    m6_remission     boolean,
    m6_meaningful    boolean,
    m12_total         numeric(6, 1),
    m12_at            timestamptz,
    m12_band          text,
    m12_response      boolean,
    m12_remission     boolean,
    m12_meaningful    boolean,
    -- The outcome rules and settings the row was made under (a change rebuilds every row).
    rules_version     text        not null,
    updated_at        timestamptz not null,
    primary key (course_id, instrument)
);
create index course_outcome_report_idx on reports.course_outcome (instrument, first_dose_at);
create index course_outcome_patient_idx on reports.course_outcome (patient_id);

-- Which rules the rows were last rebuilt under.
create table reports.read_model (
    name          text primary key,
    rules_version text        not null,
    rebuilt_at    timestamptz not null
);

-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.1.1, schema v2, PostgreSQL):
-- an event is stored with the write that published it and marked complete when its listener has run,
-- so a crash between the two replays it at restart. Completed publications are deleted.
create table operations.event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on operations.event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on operations.event_publication (completion_date);

grant usage on schema reports to kap_app;
grant select, insert, update, delete on reports.course_outcome to kap_app;
grant select, insert, update on reports.read_model to kap_app;
grant select, insert, update, delete on operations.event_publication to kap_app;
