-- Issue 20: an award may be a number of sessions of one course, as well as an amount.
-- The amount stays: it is what the fund sets aside (the ledger never overspends); the
-- sessions cap what it pays for. award_session counts the sessions paid for, each once.
alter table fund.application add column award_sessions integer check (award_sessions between 1 and 100);
alter table fund.application add column award_course uuid;
alter table fund.application add constraint application_sessions_need_course_check
    check ((award_sessions is null) = (award_course is null) and (award_sessions is null or status = 'AWARDED'));

create table fund.award_session (
    application_id uuid        not null references fund.application (id),
    session_id     uuid        not null,
    payment_id     uuid        not null,
    at             timestamptz not null,
    primary key (application_id, session_id)
);

grant select, insert on fund.award_session to kap_app;
