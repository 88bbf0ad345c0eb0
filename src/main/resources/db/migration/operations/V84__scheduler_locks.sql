-- One instance at a time runs each scheduled job (issue 17): ShedLock's table (operations/SchedulerLocks),
-- in the layout its JdbcTemplate provider expects. The application role reads, adds and moves locks; it
-- never deletes them (a lock ends by its lock_until passing).
create schema if not exists operations;

create table operations.shedlock (
    name       varchar(64)  primary key,
    -- UTC without a zone, as ShedLock's provider writes them with the database's clock
    -- (timezone('utc', current_timestamp)).
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

grant usage on schema operations to kap_app;
grant select, insert, update on operations.shedlock to kap_app;
