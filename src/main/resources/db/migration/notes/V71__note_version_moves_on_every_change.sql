-- Every change to a note moves its version on, whoever makes it (as scheduling's rows
-- since V70 and dosing.session since V31): the editor's "changed while you edited" check
-- compares versions, and no update can forget to move it.
create function notes.next_version() returns trigger
    language plpgsql as $$
begin
    new.version := old.version + 1;
    return new;
end
$$;

create trigger note_version
    before update on notes.note
    for each row execute function notes.next_version();
