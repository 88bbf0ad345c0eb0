-- Issue 20: BILLING staff record donations and payments; the FUND_COMMITTEE decides access fund awards.
-- Neither has clinical access.
alter table identity.user_role drop constraint user_role_role_check,
    add constraint user_role_role_check
        check (role in ('ADMIN', 'PRESCRIBER', 'NURSE', 'THERAPIST', 'FRONT_DESK', 'METRICS', 'BILLING',
                        'FUND_COMMITTEE'));
