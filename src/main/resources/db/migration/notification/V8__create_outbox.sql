-- Transactional e-mail outbox: a mail is a row written in the business transaction and
-- delivered by the dispatcher after commit, so nothing is sent for a change that rolled back.
create schema if not exists notification;

create table notification.outbox_message (
    id               uuid        primary key,
    dedupe_key       text        not null unique,
    recipient        text        not null,
    subject          text        not null,
    body_text        text        not null,
    body_html        text,
    status           text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    claimed_until    timestamptz,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    last_error       text
);
-- The dispatcher's claim: due pending mails in next_attempt_at order; sent mails stay out of it.
create index outbox_message_due_idx on notification.outbox_message (next_attempt_at) where status = 'PENDING';
-- The admin view of mails that gave up.
create index outbox_message_failed_idx on notification.outbox_message (created_at) where status = 'FAILED';

-- Attachments (e.g. .ics invitations), in the order they were given.
create table notification.outbox_attachment (
    message_id    uuid    not null references notification.outbox_message (id) on delete cascade,
    position      integer not null,
    filename      text    not null,
    content_type  text    not null,
    content       bytea   not null,
    primary key (message_id, position)
);
