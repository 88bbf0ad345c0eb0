package org.kapclinic.dosing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Dosing policy ({@code kap.dosing.*}); the clinical thresholds themselves live in the
 * versioned protocols.
 *
 * @param lateEntryAfter an entry whose time ({@code at}) is this much before it was
 * recorded is flagged as late (10 min)
 * @param vitalsOverdueGrace a due vitals check turns overdue this long after its time (2
 * min)
 * @param checkInEarly check-in opens this long before the appointment starts (2 h) and
 * closes when it ends
 * @param pregnancyTestMaxAge the PREGNANCY_TEST checklist item applies to patients female
 * at birth up to this age (55; clinic policy)
 * @param futureTolerance clock skew allowed for an entry's {@code at} (1 min)
 * @param boardPoll the floor board also refreshes this often without a push (5 s)
 * @param holdRecheckAfter a held session's recheck after rest is due this long after the
 * last reading (10 min; clinic policy); a session held at the pre-dose ceiling counts its
 * recheck from this long after the reading at the ceiling
 * @param remsMonitoringForm outpatient certified settings submit a Spravato REMS Patient
 * Monitoring Form after every session, within 7 days (true); inpatient settings do not
 * (clinical.md 2.1, §9), so the step is switchable
 */
@ConfigurationProperties("kap.dosing")
record DosingSettings(Duration lateEntryAfter, Duration vitalsOverdueGrace, Duration checkInEarly,
		Integer pregnancyTestMaxAge, Duration futureTolerance, Duration boardPoll, Duration holdRecheckAfter,
		Boolean remsMonitoringForm) {

	DosingSettings {
		lateEntryAfter = (lateEntryAfter == null) ? Duration.ofMinutes(10) : lateEntryAfter;
		vitalsOverdueGrace = (vitalsOverdueGrace == null) ? Duration.ofMinutes(2) : vitalsOverdueGrace;
		checkInEarly = (checkInEarly == null) ? Duration.ofHours(2) : checkInEarly;
		pregnancyTestMaxAge = (pregnancyTestMaxAge == null) ? 55 : pregnancyTestMaxAge;
		futureTolerance = (futureTolerance == null) ? Duration.ofMinutes(1) : futureTolerance;
		boardPoll = (boardPoll == null) ? Duration.ofSeconds(5) : boardPoll;
		holdRecheckAfter = (holdRecheckAfter == null) ? Duration.ofMinutes(10) : holdRecheckAfter;
		remsMonitoringForm = (remsMonitoringForm == null) ? Boolean.TRUE : remsMonitoringForm;
	}

}
