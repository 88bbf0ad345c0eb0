-- De-identified research exports (issue 18): one row per request, with its written purpose, who asked, its
-- progress and the ZIP it produced (kept in the database, so any instance can serve it; removed after
-- kap.reports.export-retention, the row stays as the record of the export).
create table reports.research_export (
    id              uuid primary key,
    purpose         text        not null,
    requested_by    uuid        not null,
    requested_at    timestamptz not null,
    status          text        not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    started_at      timestamptz,
    finished_at     timestamptz,
    patients        integer,
    row_counts      jsonb,
    file            bytea,
    file_sha256     text,
    file_removed_at timestamptz,
    error           text
);
create index research_export_requested_idx on reports.research_export (requested_at desc);

grant select, insert, update on reports.research_export to kap_app;
