-- Course templates are versioned documents like protocols (shared/VersionedDocuments, issue 15 item 5):
-- the same column names, so one component stores, lists and publishes both.
alter table scheduling.course_template rename column created_at to published_at;
alter table scheduling.course_template rename column created_by to published_by;
