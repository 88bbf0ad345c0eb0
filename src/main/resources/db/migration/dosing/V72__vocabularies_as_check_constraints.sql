-- The session's route and the observation vocabularies are enums in the code
-- (Route, ObservationKind, SideEffect, EventSeverity); the database refuses any other
-- code, as it already does for the session state and administration kind (issue 15).
-- VocabularyConstraintsIT fails when an enum and its constraint part ways: a code
-- retired from an enum stays here while stored rows use it.
alter table dosing.session
    add constraint session_route check (route in ('IV', 'IM', 'SL', 'IN'));

alter table dosing.observation
    add constraint observation_kind check (kind in ('NOTE', 'SEDATION', 'DISSOCIATION', 'SIDE_EFFECT',
        'ADVERSE_EVENT', 'INTERVENTION')),
    add constraint observation_effect check (effect in ('NAUSEA', 'VOMITING', 'HYPERTENSION', 'HYPOTENSION',
        'TACHYCARDIA', 'BRADYCARDIA', 'DESATURATION', 'RESPIRATORY_DEPRESSION', 'EMERGENCE_REACTION', 'ANXIETY',
        'AGITATION', 'HEADACHE', 'DIZZINESS', 'OVERSEDATION', 'DISSOCIATION', 'ALLERGIC_REACTION', 'OTHER')),
    add constraint observation_severity check (severity in ('MILD', 'MODERATE', 'SEVERE', 'LIFE_THREATENING'));
