-- Cumulative exposure (issue 19): an order placed while the patient's exposure raised a caution carries
-- the cautions and the prescriber's reason for going on (null: no caution was open).
alter table dosing.dose_order add column exposure_acknowledgement text;
