-- A task can point to the page where it is done (e.g. the REMS page of a dosing session):
-- a path inside the app and the words on the link.
alter table tasks.care_task add column link_path text, add column link_label text;
alter table tasks.care_task add constraint care_task_link_path_local check (link_path is null or link_path ~ '^/[^/]');
