-- The public results page (issue 18): a snapshot of an outcomes report an administrator chose to publish,
-- as shown (small cells already suppressed). The newest one not withdrawn is on /outcomes; none: the page
-- does not exist. Snapshots are kept when withdrawn or replaced, as the record of what was published.
create table reports.published_outcomes (
    id           uuid primary key,
    snapshot     jsonb       not null,
    published_at timestamptz not null,
    published_by uuid        not null,
    withdrawn_at timestamptz,
    withdrawn_by uuid
);
create index published_outcomes_current_idx on reports.published_outcomes (published_at desc) where withdrawn_at is null;

grant select, insert, update on reports.published_outcomes to kap_app;
