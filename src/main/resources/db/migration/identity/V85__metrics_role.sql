-- The METRICS role (issue 17): an account that collects the metrics at /actuator/prometheus and nothing else.
alter table identity.user_role drop constraint user_role_role_check,
    add constraint user_role_role_check
        check (role in ('ADMIN', 'PRESCRIBER', 'NURSE', 'THERAPIST', 'FRONT_DESK', 'METRICS'));
