-- The maintenance review worklist's read model (issue 19, budget: < 200 ms over 100,000 patients): one row
-- per patient on maintenance, with the first maintenance course's start and the last review; the review
-- is due kap.safety.maintenance-review-interval after review_from, so "due by the horizon" is one range
-- scan of review_from <= horizon - interval, soonest first. Kept by course events and recorded reviews,
-- rebuilt on start when the set of maintenance templates it was built for has changed. Derived data: a
-- row leaves when the patient is no longer on maintenance.
create table safety.maintenance_due (
    patient_id       uuid        primary key,
    course_name      text        not null,
    first_started_at timestamptz not null,
    last_review_at   timestamptz,
    review_from      timestamptz generated always as (greatest(first_started_at, coalesce(last_review_at, first_started_at))) stored
);
create index maintenance_due_review_from_idx on safety.maintenance_due (review_from);

-- What the model was built for: the maintenance templates' codes (a changed mark means a rebuild).
create table safety.maintenance_due_built (
    id        boolean primary key default true check (id),
    templates text    not null
);

grant select, insert, update, delete on safety.maintenance_due to kap_app;
grant select, insert, update on safety.maintenance_due_built to kap_app;
