-- Issue 19: the maintenance review is recorded as a signed structured note (type MAINTENANCE_REVIEW),
-- written and signed by the safety module's review in one step.
alter table notes.note drop constraint note_type;
alter table notes.note
    add constraint note_type check (type in ('INTAKE_ASSESSMENT', 'PREPARATION', 'DOSING_SESSION', 'INTEGRATION',
        'PROGRESS_SOAP', 'PROGRESS_DAP', 'DISCHARGE_SUMMARY', 'GROUP', 'MAINTENANCE_REVIEW'));
