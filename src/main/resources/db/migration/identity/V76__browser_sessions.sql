-- Browser sessions live in the database (Spring Session JDBC, its PostgreSQL schema under our own names):
-- an administrator's deactivation, role change or password reset deletes the user's sessions, and every
-- app instance sees it on the next request (issue 16).
create table identity.session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index session_session_id_idx on identity.session (session_id);
create index session_expiry_time_idx on identity.session (expiry_time);
create index session_principal_name_idx on identity.session (principal_name);

create table identity.session_attributes (
    session_primary_id char(36)     not null references identity.session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);
