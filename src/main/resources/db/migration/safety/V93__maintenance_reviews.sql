-- Maintenance reviews (issue 19): every patient on maintenance dosing (a course from a template marked
-- "maintenance") is reviewed by a prescriber every kap.safety.maintenance-review-interval; an overdue
-- review refuses further dose bookings. Reviews are never deleted.
create schema if not exists safety;

create table safety.maintenance_review (
    id          uuid        primary key,
    patient_id  uuid        not null,
    course_id   uuid,
    decision    text        not null check (decision in ('CONTINUE', 'TAPER', 'PAUSE', 'STOP')),
    reason      text        not null check (length(reason) between 1 and 2000),
    reviewed_at timestamptz not null,
    reviewed_by uuid        not null
);
create index maintenance_review_patient_idx on safety.maintenance_review (patient_id, reviewed_at desc);

grant usage on schema safety to kap_app;
grant select, insert on safety.maintenance_review to kap_app;
