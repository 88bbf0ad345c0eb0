package org.kapclinic.dosing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.dosing.SessionGuard.Step;
import org.kapclinic.dosing.Thresholds.Crossing;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.TimeOrderedIds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Vitals during a session: pre-dose readings hold or release the session (decided by the
 * {@link DosingSession} aggregate), every reading is checked against the protocol's alert
 * thresholds and a crossing raises an alert in the same transaction, so the board shows
 * it with the reading. Observations (sedation, dissociation, side effects…) are recorded
 * through {@link Observations}.
 */
@Service
public class Monitoring {

	private final SessionGuard guard;

	private final SessionRows rows;

	private final MonitoringRows monitoringRows;

	private final DosingSessions sessions;

	private final VitalsWriter writer;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final DosingSettings settings;

	Monitoring(SessionGuard guard, SessionRows rows, MonitoringRows monitoringRows, DosingSessions sessions,
			VitalsWriter writer, AuditTrail audit, PlatformTransactionManager transactions, DosingSettings settings) {
		this.settings = settings;
		this.guard = guard;
		this.rows = rows;
		this.monitoringRows = monitoringRows;
		this.sessions = sessions;
		this.writer = writer;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * Records a reading. A reading that changes nothing but itself (the usual case) takes
	 * no lock and no transaction here: it is decided on the session as last read
	 * ({@link SessionGuard#recent}) and stored by {@link VitalsWriter} together with the
	 * readings other clients sent at the same moment, its alerts and audit row in the
	 * same commit, if the session has not changed since. Everything else is decided on
	 * the locked session row in a transaction of its own: a pre-dose reading that sets or
	 * releases a hold or is the session's first step, a reading refused on the remembered
	 * copy (refusals are always decided on the current row), and a reading whose session
	 * changed in between.
	 */
	public VitalsResult vitals(UUID sessionId, DosingRequests.VitalsEntry request) {
		VitalsResult appended = appendUnlessChanged(this.guard.recent(sessionId, SessionGuard.DOSING_STAFF), request);
		if (appended != null) {
			return appended;
		}
		return this.transactions.execute((status) -> vitalsLocked(sessionId, request));
	}

	/** The stored reading, or null if it must be decided on the locked session. */
	private VitalsResult appendUnlessChanged(Step step, DosingRequests.VitalsEntry request) {
		Reading reading;
		try {
			reading = reading(step, request);
		}
		catch (InvalidInputException | ConflictException refused) {
			return null;
		}
		if (reading.changesSession()) {
			return null;
		}
		List<Alert> alerts = alerts(step, reading.vitals());
		boolean stored = this.writer.write(new VitalsWriter.Entry(step.id(), step.session().version(), reading.vitals(),
				alerts,
				this.audit.prepare(DosingSessions.auditEvent(step, AuditAction.CREATE, auditDetail(reading, alerts)))));
		if (!stored) {
			this.guard.forget(step.id());
			return null;
		}
		return new VitalsResult(reading.vitals().id(), alerts, step.session().held(), step.session().holdReason(),
				reading.vitals().late());
	}

	private VitalsResult vitalsLocked(UUID sessionId, DosingRequests.VitalsEntry request) {
		Step step = this.guard.lock(sessionId, SessionGuard.DOSING_STAFF);
		Reading reading = reading(step, request);
		Vitals vitals = reading.vitals();
		this.monitoringRows.insertVitals(sessionId, vitals);
		DosingSession session = step.session();
		boolean held = session.held();
		String holdReason = session.holdReason();
		if (reading.changesSession()) {
			PreDoseHold.Decision hold = reading.decision().hold();
			switch (hold.outcome()) {
				case HOLD, CEILING_HOLD -> {
					held = true;
					holdReason = hold.reason();
					this.rows.hold(sessionId, true, holdReason,
							(hold.outcome() == PreDoseHold.Outcome.CEILING_HOLD) ? vitals.at() : null);
				}
				case RELEASE -> {
					held = false;
					holdReason = null;
					this.rows.hold(sessionId, false, null, null);
				}
				default -> {
				}
			}
			this.sessions.advance(step, reading.decision().next(), null);
		}
		List<Alert> alerts = alerts(step, vitals);
		alerts.forEach((alert) -> this.monitoringRows.insertAlert(sessionId, alert));
		this.sessions.audit(step, AuditAction.CREATE, auditDetail(reading, alerts));
		this.sessions.changed(sessionId);
		return new VitalsResult(vitals.id(), alerts, held, holdReason, vitals.late());
	}

	/**
	 * The reading as it would be stored, the hold thresholds it crosses, and whether it
	 * changes the session: a pre-dose reading that sets or releases a hold, or the first
	 * reading after check-in (which starts the pre-dose checks).
	 */
	private Reading reading(Step step, DosingRequests.VitalsEntry request) {
		DosingSession session = step.session();
		validate(request, step.protocol());
		java.time.Instant at = this.guard.when(request.at(), session, step.now());
		boolean preDose = session.firstDoseAt() == null || at.isBefore(session.firstDoseAt());
		Vitals vitals = new Vitals(TimeOrderedIds.next(), preDose, request.systolic(), request.diastolic(),
				request.heartRate(), request.spo2(), request.respiratoryRate(), at, step.now(), step.user().id(),
				this.guard.late(at, step.now()));
		VitalsDecision decision = session.recordVitals(vitals, step.protocol().hold(), this.settings.holdRecheckAfter())
			.orThrow(session.id());
		return new Reading(vitals, decision);
	}

	private static List<Alert> alerts(Step step, Vitals v) {
		return alerts(step, Thresholds.vitals(step.protocol().alerts(), v.systolic(), v.diastolic(), v.heartRate(),
				v.spo2(), v.respiratoryRate()), v.at());
	}

	private static String auditDetail(Reading reading, List<Alert> alerts) {
		Vitals v = reading.vitals();
		return "vitals " + v.systolic() + "/" + v.diastolic()
				+ (alerts.isEmpty() ? "" : ", alerts " + alerts.stream().map(Alert::code).toList())
				+ (v.late() ? " (late entry for " + v.at() + ")" : "");
	}

	private record Reading(Vitals vitals, VitalsDecision decision) {

		boolean changesSession() {
			return this.decision.changesSession();
		}

	}

	static void validate(DosingRequests.VitalsEntry r, Protocol protocol) {
		if (r == null) {
			throw InvalidInputException.of("systolic", "is required");
		}
		List<FieldProblem> problems = new ArrayList<>();
		range(problems, "systolic", r.systolic(), 40, 300, true);
		range(problems, "diastolic", r.diastolic(), 20, 200, true);
		range(problems, "heartRate", r.heartRate(), 20, 250, true);
		range(problems, "spo2", r.spo2(), 50, 100, protocol.spo2Required());
		range(problems, "respiratoryRate", r.respiratoryRate(), 2, 60, false);
		if (problems.isEmpty() && r.diastolic() >= r.systolic()) {
			problems.add(new FieldProblem("diastolic", "must be below the systolic pressure"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static void range(List<FieldProblem> problems, String field, Integer value, int min, int max,
			boolean required) {
		if (value == null) {
			if (required) {
				problems.add(new FieldProblem(field, "is required"));
			}
		}
		else if (value < min || value > max) {
			problems.add(new FieldProblem(field, "between " + min + " and " + max));
		}
	}

	static List<Alert> alerts(Step step, List<Crossing> crossings, java.time.Instant at) {
		List<Alert> alerts = new ArrayList<>(crossings.size());
		for (Crossing crossing : crossings) {
			alerts.add(new Alert(TimeOrderedIds.next(), crossing.code(), crossing.message(), at, step.now(), null, null,
					null));
		}
		return alerts;
	}

	/** The stored reading, the alerts it raised, and whether the session is held. */
	public record VitalsResult(UUID id, List<Alert> alerts, boolean held, String holdReason, boolean late) {
	}

}
