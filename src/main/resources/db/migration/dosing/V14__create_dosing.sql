-- Dosing sessions: protocols (versioned data), the session state machine, orders,
-- administrations, vitals, observations and alerts. Rows are appended; a mistaken entry is
-- voided with a reason, never deleted.
create schema if not exists dosing;

create table dosing.protocol (
    code         text        not null,
    version      integer     not null,
    body         jsonb       not null,
    published_at timestamptz not null,
    published_by uuid,
    primary key (code, version)
);

create table dosing.session (
    id                   uuid primary key,
    patient_id           uuid        not null,
    appointment_id       uuid        not null,
    -- The chair, copied from the appointment at check-in (for the floor board).
    room_id              uuid,
    protocol_code        text        not null,
    protocol_version     integer     not null,
    program              text        not null,
    route                text        not null,
    state                text        not null,
    weight_kg            numeric(5, 1) not null,
    weight_measured_at   timestamptz not null,
    checklist            jsonb       not null default '{}'::jsonb,
    checklist_complete   boolean     not null default false,
    -- Spravato REMS monitoring form: concomitant benzodiazepines, non-benzodiazepine
    -- hypnotics, psychostimulants, MAOIs.
    concomitant          text[]      not null default '{}',
    held                 boolean     not null default false,
    hold_reason          text,
    hold_override_reason text,
    hold_override_by     uuid,
    first_dose_at        timestamptz,
    last_dose_at         timestamptz,
    ready_at             timestamptz,
    discharge            jsonb,
    closed_at            timestamptz,
    close_reason         text,
    checked_in_at        timestamptz not null,
    checked_in_by        uuid        not null,
    version              integer     not null default 0,
    foreign key (protocol_code, protocol_version) references dosing.protocol (code, version),
    constraint session_state check (state in ('CHECKED_IN', 'PRE_DOSE_CHECKS', 'ORDERED', 'DOSING', 'MONITORING',
                                              'READY_FOR_DISCHARGE', 'DISCHARGED', 'ABORTED'))
);
-- One session per appointment (a second check-in is refused, not duplicated).
create unique index session_appointment_idx on dosing.session (appointment_id);
create index session_patient_idx on dosing.session (patient_id, checked_in_at desc);
create index session_active_idx on dosing.session (checked_in_at) where state not in ('DISCHARGED', 'ABORTED');

create table dosing.session_transition (
    id         bigserial primary key,
    session_id uuid        not null references dosing.session (id),
    from_state text,
    to_state   text        not null,
    at         timestamptz not null,
    by_user    uuid,
    reason     text
);
create index session_transition_idx on dosing.session_transition (session_id, id);

create table dosing.dose_order (
    id                uuid primary key,
    session_id        uuid          not null references dosing.session (id),
    dose_mg           numeric(7, 1) not null check (dose_mg > 0),
    dose_mg_per_kg    numeric(6, 3) not null,
    weight_kg         numeric(5, 1) not null,
    infusion_minutes  integer,
    rate_mg_per_hour  numeric(7, 1),
    override_reason   text,
    ordered_at        timestamptz   not null,
    ordered_by        uuid          not null,
    verification_required boolean   not null,
    verified_at       timestamptz,
    verified_by       uuid,
    superseded_at     timestamptz
);
create index dose_order_session_idx on dosing.dose_order (session_id, ordered_at);

create table dosing.administration (
    id               uuid primary key,
    session_id       uuid        not null references dosing.session (id),
    kind             text        not null check (kind in ('START', 'RATE_CHANGE', 'PAUSE', 'RESUME', 'STOP', 'ADDITIONAL', 'DEVICE')),
    dose_mg          numeric(7, 1),
    rate_mg_per_hour numeric(7, 1),
    lot_id           uuid,
    ledger_entry_id  uuid,
    override_reason  text,
    at               timestamptz not null,
    recorded_at      timestamptz not null,
    recorded_by      uuid        not null,
    late             boolean     not null
);
create index administration_session_idx on dosing.administration (session_id, at);

create table dosing.vitals (
    id               uuid primary key,
    session_id       uuid        not null references dosing.session (id),
    pre_dose         boolean     not null,
    systolic         integer     not null,
    diastolic        integer     not null,
    heart_rate       integer     not null,
    spo2             integer,
    respiratory_rate integer,
    at               timestamptz not null,
    recorded_at      timestamptz not null,
    recorded_by      uuid        not null,
    late             boolean     not null,
    voided_at        timestamptz,
    void_reason      text
);
create index vitals_session_idx on dosing.vitals (session_id, at desc);

-- Observations during the session: sedation (MOAA/S), dissociation (CADSS total), side
-- effects and adverse events with interventions, and the therapist's timestamped notes.
create table dosing.observation (
    id           uuid primary key,
    session_id   uuid        not null references dosing.session (id),
    kind         text        not null,
    moaas        integer check (moaas between 0 and 5),
    cadss_total  integer check (cadss_total between 0 and 92),
    effect       text,
    severity     text,
    drug         text,
    drug_dose    text,
    text         text,
    at           timestamptz not null,
    recorded_at  timestamptz not null,
    recorded_by  uuid        not null,
    late         boolean     not null,
    voided_at    timestamptz,
    void_reason  text
);
create index observation_session_idx on dosing.observation (session_id, at);

create table dosing.alert (
    id              uuid primary key,
    session_id      uuid        not null references dosing.session (id),
    code            text        not null,
    message         text        not null,
    at              timestamptz not null,
    raised_at       timestamptz not null,
    acknowledged_at timestamptz,
    acknowledged_by uuid,
    acknowledgement text
);
create index alert_open_idx on dosing.alert (session_id) where acknowledged_at is null;
create index alert_session_idx on dosing.alert (session_id, raised_at);
