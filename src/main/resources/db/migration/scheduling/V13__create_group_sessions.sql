-- A group integration circle: one room and facilitator for up to `capacity` patients, each
-- with their own appointment (group_id) and their own patient hold.
create table scheduling.group_session (
    id         uuid primary key,
    start_at   timestamptz not null,
    end_at     timestamptz not null,
    room_id    uuid references scheduling.room (id),
    capacity   integer     not null check (capacity between 2 and 30),
    created_at timestamptz not null
);
alter table scheduling.appointment add column group_id uuid references scheduling.group_session (id);
create index appointment_group_idx on scheduling.appointment (group_id) where group_id is not null;
