package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.dosing.SessionGuard.Step;
import org.kapclinic.measures.Measures;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.Appointments;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end of a session: readiness for discharge (the protocol's criteria, the blood
 * pressure back near the baseline, no open alert), discharge (never before the minimum
 * observation since the last dose: {@link DosingSession#discharge}), and ending early
 * with a reason. Discharge completes the dosing appointment, starts the dose-anchored
 * measures and makes the REMS monitoring form due, in the same transaction.
 */
@Service
@Transactional
class Discharges {

	private final SessionGuard guard;

	private final SessionRows rows;

	private final MonitoringRows monitoringRows;

	private final DosingSessions sessions;

	private final Measures measures;

	private final Appointments appointments;

	private final RemsForms remsForms;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	Discharges(SessionGuard guard, SessionRows rows, MonitoringRows monitoringRows, DosingSessions sessions,
			Measures measures, Appointments appointments, RemsForms remsForms, JsonMapper json,
			ApplicationEventPublisher events) {
		this.events = events;
		this.guard = guard;
		this.rows = rows;
		this.monitoringRows = monitoringRows;
		this.sessions = sessions;
		this.measures = measures;
		this.appointments = appointments;
		this.remsForms = remsForms;
		this.json = json;
	}

	/**
	 * The patient meets the protocol's discharge criteria (attested, and the blood
	 * pressure checked against the baseline). The time is kept: the REMS monitoring form
	 * asks when the patient would have been ready to leave without the 2-hour rule.
	 */
	public void readyForDischarge(UUID sessionId, DosingRequests.Discharge request) {
		Step step = this.guard.lock(sessionId, SessionGuard.DOSING_STAFF);
		markReady(step, request);
		this.sessions.changed(sessionId);
	}

	private void markReady(Step step, DosingRequests.Discharge request) {
		SessionState next = step.session().markReady().orThrow(step.id());
		Map<String, Boolean> criteria = (request != null && request.criteria() != null) ? request.criteria() : Map.of();
		List<String> reasons = new ArrayList<>();
		for (String criterion : step.protocol().discharge().criteria()) {
			if (!Boolean.TRUE.equals(criteria.get(criterion))) {
				reasons.add("CRITERION_NOT_MET: " + criterion);
			}
		}
		List<Vitals> vitals = this.monitoringRows.vitals(step.id());
		Vitals baseline = vitals.stream().filter(Vitals::preDose).reduce((a, b) -> b).orElse(null);
		Vitals latest = vitals.isEmpty() ? null : vitals.get(vitals.size() - 1);
		Instant lastDose = step.session().lastDoseAt();
		if (latest == null || latest.preDose() || (lastDose != null && latest.at().isBefore(lastDose))) {
			reasons.add("VITALS_AFTER_DOSE: record a set of vitals after the last dose");
		}
		else if (baseline != null && step.protocol().discharge().maxRiseOverBaselinePercent() != null
				&& !DischargeRules.nearBaseline(baseline.systolic(), baseline.diastolic(), latest.systolic(),
						latest.diastolic(), step.protocol().discharge().maxRiseOverBaselinePercent())) {
			reasons.add("VITALS_NOT_NEAR_BASELINE: " + latest.systolic() + "/" + latest.diastolic() + " is not within "
					+ step.protocol().discharge().maxRiseOverBaselinePercent() + " % of the baseline "
					+ baseline.systolic() + "/" + baseline.diastolic());
		}
		long openAlerts = this.monitoringRows.alerts(step.id()).stream().filter(Alert::open).count();
		if (openAlerts > 0) {
			reasons.add("OPEN_ALERTS: acknowledge " + openAlerts + " open alert(s) first");
		}
		if (!reasons.isEmpty()) {
			throw new RuleViolationException("The discharge criteria are not met", reasons);
		}
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("criteria", criteria);
		record.put("by", step.user().id().toString());
		record.put("at", step.now().toString());
		this.rows.ready(step.id(), step.now(), this.json.writeValueAsString(record));
		this.sessions.advance(step, next, null);
		this.sessions.audit(step, AuditAction.UPDATE, "ready for discharge");
	}

	/**
	 * Discharge: refused (409, naming the minutes left) before the minimum observation
	 * since the last dose, whatever else is true; from MONITORING the criteria in the
	 * request are checked first as for {@link #readyForDischarge}.
	 */
	public DosingSession discharge(UUID sessionId, DosingRequests.Discharge request) {
		Step step = this.guard.lock(sessionId, SessionGuard.DOSING_STAFF);
		DosingSession session = step.session();
		session.discharge(step.protocol(), step.now()).orThrow(sessionId);
		if (session.state() == SessionState.MONITORING) {
			markReady(step, request);
		}
		this.rows.transition(sessionId, SessionState.READY_FOR_DISCHARGE, SessionState.DISCHARGED, step.user().id(),
				null, step.now());
		this.rows.close(sessionId, step.now(), null);
		List<Administration> given = this.rows.administrations(sessionId);
		BigDecimal total = SessionRows.sumGiven(given);
		completeAppointment(session.appointmentId(), step.now());
		this.events.publishEvent(new SessionDischarged(session.patientId(), sessionId, session.appointmentId(),
				session.program(), session.route(), total,
				(session.route() == Route.IV) ? InfusionTime.minutes(given, step.now()) : 0,
				this.rows.currentOrder(sessionId).map(DoseOrder::orderedBy).orElse(step.user().id()),
				session.firstDoseAt(), step.now(), session.courseId()));
		this.measures.scheduleAfterDose(session.patientId(), session.firstDoseAt());
		this.remsForms.due(session, step.now());
		this.sessions.audit(step, AuditAction.UPDATE, "discharged after " + total + " mg");
		this.sessions.changed(sessionId);
		return this.rows.find(sessionId).orElseThrow();
	}

	/**
	 * The dosing appointment is done when its patient is discharged (unless staff already
	 * closed it): checked first, because a refusal inside scheduling's transaction would
	 * roll back the discharge.
	 */
	private void completeAppointment(UUID appointmentId, Instant now) {
		Appointment appointment = this.appointments.find(appointmentId);
		if (appointment.booked() && !appointment.start().isAfter(now)) {
			this.appointments.complete(appointmentId);
		}
	}

	/** Ends the session early (e.g. transfer to emergency care), with a reason. */
	public DosingSession abort(UUID sessionId, String reason) {
		Step step = this.guard.lock(sessionId, SessionGuard.DOSING_STAFF);
		step.session().abort().orThrow(sessionId);
		String why = SessionGuard.text(reason, "reason", 1000, true);
		this.rows.transition(sessionId, step.session().state(), SessionState.ABORTED, step.user().id(), why,
				step.now());
		this.rows.close(sessionId, step.now(), why);
		if (step.session().firstDoseAt() != null) {
			this.remsForms.due(step.session(), step.now());
		}
		this.sessions.audit(step, AuditAction.UPDATE, "aborted: " + why);
		this.sessions.changed(sessionId);
		return this.rows.find(sessionId).orElseThrow();
	}

}
