-- The note type is an enum in the code (NoteType); the database refuses any other code,
-- as it does for the status (issue 15; VocabularyConstraintsIT).
alter table notes.note
    add constraint note_type check (type in ('INTAKE_ASSESSMENT', 'PREPARATION', 'DOSING_SESSION', 'INTEGRATION',
        'PROGRESS_SOAP', 'PROGRESS_DAP', 'DISCHARGE_SUMMARY', 'GROUP'));
