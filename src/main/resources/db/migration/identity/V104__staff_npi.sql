-- A clinician's National Provider Identifier (issue 20): the rendering provider on superbills.
-- Checked by the application (ten digits, Luhn check digit with the 80840 prefix); the column keeps the shape.
alter table identity.app_user add column npi text check (npi ~ '^[0-9]{10}$');
