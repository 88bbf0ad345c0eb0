-- Seals are HMAC-SHA256 under a key kept outside the database from now on (issue 16); the seals made
-- before stay unkeyed SHA-256 and are checked as such. The trigger that refuses changes stays on.
alter table audit.seal add column keyed boolean not null default false;
alter table audit.seal alter column keyed set default true;
