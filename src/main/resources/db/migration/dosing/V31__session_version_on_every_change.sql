-- Every change to a session row moves its version on, whoever makes it, so a copy of the
-- row read earlier can be checked against the database: the vitals writer stores a
-- reading decided on a remembered copy only if the session's version is still the one
-- that copy had (Monitoring.vitals, VitalsWriter).
create function dosing.next_session_version() returns trigger
    language plpgsql as $$
begin
    new.version := old.version + 1;
    return new;
end
$$;

create trigger session_version
    before update on dosing.session
    for each row execute function dosing.next_session_version();
