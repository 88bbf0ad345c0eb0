-- Every change to an appointment or a course moves its version on, whoever makes it, as
-- dosing.session's does since V31: the code no longer writes "version = version + 1"
-- beside each update (issue 15), and an update that forgets it cannot let a stale copy
-- pass a version check.
create function scheduling.next_version() returns trigger
    language plpgsql as $$
begin
    new.version := old.version + 1;
    return new;
end
$$;

create trigger appointment_version
    before update on scheduling.appointment
    for each row execute function scheduling.next_version();

create trigger course_version
    before update on scheduling.course
    for each row execute function scheduling.next_version();
