-- The role the application connects as (issue 16 finding 3): it owns nothing, so it cannot alter or drop
-- tables, switch triggers off or change privileges; it only appends to and reads the audit trail; and it
-- deletes only where the application itself deletes (sessions, role sets, spent recovery codes, guardians
-- rewritten by the patient aggregate, working hours, supervision pairs, calendar feeds, task assignments).
-- Flyway migrates as the owner; operations give this role LOGIN and a password (docs/operations.md).
-- Roles belong to the whole server: created once, whichever database migrates first.
do $$
begin
    create role kap_app nologin;
exception
    when duplicate_object or unique_violation then null;
    when others then
        if not exists (select 1 from pg_roles where rolname = 'kap_app') then
            raise;
        end if;
end $$;

grant usage on schema audit, dosing, identity, intake, ledger, measures, notes, notification, patient, scheduling,
    tasks to kap_app;

grant select, insert, update on all tables in schema dosing, identity, intake, ledger, measures, notes, notification,
    patient, scheduling, tasks to kap_app;
grant select, insert on all tables in schema audit to kap_app;
grant usage, select on all sequences in schema audit, dosing, identity, intake, ledger, measures, notes, notification,
    patient, scheduling, tasks to kap_app;

grant delete on identity.session, identity.session_attributes, identity.user_role, identity.recovery_code,
    patient.guardian, notes.supervision, scheduling.calendar_feed, scheduling.clinic_hours, scheduling.staff_hours,
    tasks.task_assignee to kap_app;

-- Tables that later migrations create get the same by default: read, add, change; deleting is granted
-- table by table, where the application needs it.
alter default privileges in schema dosing, identity, intake, ledger, measures, notes, notification, patient,
    scheduling, tasks grant select, insert, update on tables to kap_app;
alter default privileges in schema audit grant select, insert on tables to kap_app;
alter default privileges in schema audit, dosing, identity, intake, ledger, measures, notes, notification, patient,
    scheduling, tasks grant usage, select on sequences to kap_app;
