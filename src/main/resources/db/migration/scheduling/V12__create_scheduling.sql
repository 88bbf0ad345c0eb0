-- Rooms and chairs, staff hours, clinic hours, courses and appointments. No double booking
-- of a room, a patient or a staff member (beyond their concurrent capacity) is guaranteed
-- by exclusion constraints, so it holds with several app instances.
create extension if not exists btree_gist;
create schema if not exists scheduling;

create table scheduling.room (
    id           uuid primary key,
    name         text        not null unique,
    kind         text        not null check (kind in ('CHAIR', 'ROOM')),
    capabilities text[]      not null default '{}',
    active       boolean     not null default true,
    created_at   timestamptz not null
);

-- Weekly working hours (clinic time zone), and how many appointments a person can run at
-- once (a nurse may monitor two chairs).
create table scheduling.staff_hours (
    user_id    uuid    not null,
    weekday    integer not null check (weekday between 1 and 7),
    start_time time    not null,
    end_time   time    not null check (end_time > start_time),
    primary key (user_id, weekday, start_time)
);
create table scheduling.staff_capacity (
    user_id  uuid primary key,
    capacity integer not null check (capacity between 1 and 8)
);
create table scheduling.time_off (
    id      uuid primary key,
    user_id uuid      not null,
    during  tstzrange not null,
    reason  text
);
create index time_off_user_idx on scheduling.time_off using gist (user_id, during);

create table scheduling.clinic_hours (
    weekday    integer primary key check (weekday between 1 and 7),
    open_time  time not null,
    close_time time not null check (close_time > open_time)
);
create table scheduling.holiday (
    day  date primary key,
    name text not null
);

-- Spravato REMS: an outpatient must be enrolled before the first dose (clinical.md 2.1).
create table scheduling.rems_enrollment (
    patient_id    uuid primary key references patient.patient (id),
    enrollment_id text        not null,
    enrolled_on   date        not null,
    recorded_at   timestamptz not null,
    recorded_by   uuid
);

create table scheduling.course (
    id                 uuid primary key,
    patient_id         uuid        not null references patient.patient (id),
    template_code      text        not null,
    template_version   text        not null,
    program            text        not null,
    prescriber_id      uuid,
    therapist_id       uuid,
    outside_therapist  text,
    goals              text,
    status             text        not null check (status in ('PLANNED', 'ACTIVE', 'PAUSED', 'COMPLETED', 'DISCONTINUED')),
    status_reason      text,
    plan               jsonb       not null,
    created_at         timestamptz not null,
    created_by         uuid,
    version            integer     not null default 0
);
create index course_patient_idx on scheduling.course (patient_id);
-- Every change of status or plan, with its reason: the course's history.
create table scheduling.course_change (
    id         bigint generated always as identity primary key,
    course_id  uuid        not null references scheduling.course (id),
    at         timestamptz not null,
    by_user    uuid,
    change     text        not null,
    reason     text
);

create table scheduling.appointment (
    id               uuid primary key,
    patient_id       uuid        not null references patient.patient (id),
    type             text        not null,
    program          text,
    start_at         timestamptz not null,
    end_at           timestamptz not null check (end_at > start_at),
    room_id          uuid references scheduling.room (id),
    course_id        uuid references scheduling.course (id),
    series_id        uuid,
    telehealth_link  text,
    status           text        not null check (status in ('BOOKED', 'CANCELLED', 'NO_SHOW', 'COMPLETED', 'RESCHEDULED')),
    status_reason    text,
    rescheduled_from uuid references scheduling.appointment (id),
    created_at       timestamptz not null,
    created_by       uuid,
    version          integer     not null default 0
);
create index appointment_patient_idx on scheduling.appointment (patient_id, start_at);
create index appointment_start_idx on scheduling.appointment (start_at) where status = 'BOOKED';
create index appointment_series_idx on scheduling.appointment (series_id) where series_id is not null;

create table scheduling.appointment_staff (
    appointment_id uuid not null references scheduling.appointment (id),
    user_id        uuid not null,
    primary key (appointment_id, user_id)
);
create index appointment_staff_user_idx on scheduling.appointment_staff (user_id);

-- The guarantee: bookings of the same resource may not overlap while active.
create table scheduling.room_booking (
    appointment_id uuid      not null references scheduling.appointment (id),
    room_id        uuid      not null references scheduling.room (id),
    during         tstzrange not null,
    active         boolean   not null default true,
    constraint room_double_booked exclude using gist (room_id with =, during with &&) where (active)
);
create table scheduling.patient_booking (
    appointment_id uuid      not null references scheduling.appointment (id),
    patient_id     uuid      not null,
    during         tstzrange not null,
    active         boolean   not null default true,
    constraint patient_double_booked exclude using gist (patient_id with =, during with &&) where (active)
);
-- A staff member with capacity N holds one of N seats for each appointment.
create table scheduling.staff_booking (
    appointment_id uuid      not null references scheduling.appointment (id),
    user_id        uuid      not null,
    seat           integer   not null,
    during         tstzrange not null,
    active         boolean   not null default true,
    constraint staff_double_booked exclude using gist (user_id with =, seat with =, during with &&) where (active)
);
create index room_booking_during_idx on scheduling.room_booking using gist (during) where active;
create index staff_booking_during_idx on scheduling.staff_booking using gist (during) where active;

-- Reminders queued (one per appointment and lead time, also across restarts).
create table scheduling.reminder (
    appointment_id uuid        not null references scheduling.appointment (id),
    lead_minutes   integer     not null,
    queued_at      timestamptz not null,
    primary key (appointment_id, lead_minutes)
);

-- A staff member's calendar feed: secret URL, stored as SHA-256.
create table scheduling.calendar_feed (
    user_id    uuid primary key,
    token_hash char(64)    not null unique,
    created_at timestamptz not null
);

-- Program templates: shipped as data (resources/courses), new versions by ADMIN; a version
-- is never edited in place, and a course records the version it was made from.
create table scheduling.course_template (
    code       text        not null,
    version    text        not null,
    body       jsonb       not null,
    created_at timestamptz not null,
    created_by uuid,
    primary key (code, version)
);
