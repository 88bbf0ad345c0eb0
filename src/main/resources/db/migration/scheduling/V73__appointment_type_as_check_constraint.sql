-- The appointment type is an enum in the code (AppointmentType); the database refuses
-- any other code, as it does for the status (issue 15; VocabularyConstraintsIT).
alter table scheduling.appointment
    add constraint appointment_type check (type in ('CONSULTATION', 'INTAKE', 'PREPARATION', 'DOSING',
        'INTEGRATION', 'FOLLOW_UP', 'GROUP_INTEGRATION'));
