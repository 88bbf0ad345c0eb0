-- Registration's duplicate check (issue 14): the same family name and date of birth, the
-- same e-mail or the same phone. Each arm of the OR has an index, so the check is a bitmap
-- of three index probes however many patients there are (PossibleDuplicates): the name arm
-- uses patient_birth_date_idx (V3; a few patients per birth date), these two the others.
create index patient_email_lower_idx on patient.patient (lower(email));
create index patient_phone_digits_idx on patient.patient ((regexp_replace(phone, '[^0-9]', '', 'g')));
