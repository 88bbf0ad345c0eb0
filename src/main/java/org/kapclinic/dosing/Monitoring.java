package org.kapclinic.dosing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.dosing.SessionGuard.Step;
import org.kapclinic.dosing.Thresholds.Crossing;
import org.kapclinic.identity.Role;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.TimeOrderedIds;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What is measured and seen during a session: vitals (pre-dose readings hold or release
 * the session), sedation, dissociation, side effects and adverse events with
 * interventions, the therapist's notes. A threshold crossing raises an alert in the same
 * transaction, so the board shows it with the reading.
 */
@Service
public class Monitoring {

	static final Set<String> EVENT_KINDS = ObservationKind.codes();

	/** Kinds a therapist may record (observations and notes; no drugs). */
	static final Set<String> THERAPIST_KINDS = ObservationKind.therapistCodes();

	static final Set<String> EFFECTS = SideEffect.codes();

	static final Set<String> SEVERITIES = EventSeverity.codes();

	private static final int TEXT_LIMIT = 4000;

	private final SessionGuard guard;

	private final SessionRows rows;

	private final DosingSessions sessions;

	private final VitalsWriter writer;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final DosingSettings settings;

	Monitoring(SessionGuard guard, SessionRows rows, DosingSessions sessions, VitalsWriter writer, AuditTrail audit,
			PlatformTransactionManager transactions, DosingSettings settings) {
		this.settings = settings;
		this.guard = guard;
		this.rows = rows;
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
		this.rows.insertVitals(sessionId, vitals);
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
		alerts.forEach((alert) -> this.rows.insertAlert(sessionId, alert));
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

	/** Sedation, dissociation, side effects, adverse events, interventions, notes. */
	@Transactional
	public EventResult event(UUID sessionId, DosingRequests.EventEntry request) {
		Step step = this.guard.lock(sessionId, Set.of(Role.NURSE, Role.PRESCRIBER, Role.THERAPIST));
		if (request == null || request.kind() == null || !EVENT_KINDS.contains(request.kind())) {
			throw InvalidInputException.of("kind", "one of " + EVENT_KINDS);
		}
		if (!(step.user().has(Role.NURSE) || step.user().has(Role.PRESCRIBER))
				&& !THERAPIST_KINDS.contains(request.kind())) {
			throw new AccessDeniedException("Nurses and prescribers record " + request.kind());
		}
		if (step.session().state().closed()) {
			throw new ConflictException("The session is " + step.session().state(), SessionGuard.RESOURCE, sessionId)
				.with("state", step.session().state().name());
		}
		java.time.Instant at = this.guard.when(request.at(), step.session(), step.now());
		Observation observation = observation(request, at, step);
		this.rows.insertObservation(sessionId, observation);
		List<Crossing> crossings = new ArrayList<>();
		if (observation.moaas() != null) {
			crossings.addAll(Thresholds.sedation(step.protocol().alerts(), observation.moaas()));
		}
		if (observation.cadssTotal() != null) {
			crossings.addAll(Thresholds.dissociation(step.protocol().alerts(), observation.cadssTotal()));
		}
		if ("ADVERSE_EVENT".equals(observation.kind())
				&& ("SEVERE".equals(observation.severity()) || "LIFE_THREATENING".equals(observation.severity()))) {
			crossings.add(new Crossing("ADVERSE_EVENT_" + observation.severity(),
					observation.severity().toLowerCase().replace('_', '-') + " adverse event: "
							+ observation.effect()));
		}
		List<Alert> alerts = raise(step, crossings, at);
		this.sessions.audit(step, AuditAction.CREATE,
				observation.kind() + (observation.late() ? " (late entry for " + at + ")" : ""));
		this.sessions.changed(sessionId);
		return new EventResult(observation, alerts);
	}

	private Observation observation(DosingRequests.EventEntry r, java.time.Instant at, Step step) {
		Integer moaas = null;
		Integer cadss = null;
		String effect = null;
		String severity = null;
		String drug = null;
		String dose = null;
		String text = SessionGuard.text(r.text(), "text", TEXT_LIMIT, false);
		switch (r.kind()) {
			case "SEDATION" -> {
				if (r.moaas() == null || r.moaas() < 0 || r.moaas() > 5) {
					throw InvalidInputException.of("moaas", "MOAA/S 0–5 (5 = responds readily to name)");
				}
				moaas = r.moaas();
			}
			case "DISSOCIATION" -> {
				if (r.cadssTotal() == null || r.cadssTotal() < 0 || r.cadssTotal() > 92) {
					throw InvalidInputException.of("cadssTotal", "CADSS subjective total 0–92");
				}
				cadss = r.cadssTotal();
			}
			case "SIDE_EFFECT", "ADVERSE_EVENT" -> {
				if (r.effect() == null || !EFFECTS.contains(r.effect())) {
					throw InvalidInputException.of("effect", "one of " + EFFECTS);
				}
				if (r.severity() == null || !SEVERITIES.contains(r.severity())) {
					throw InvalidInputException.of("severity", "one of " + SEVERITIES);
				}
				if ("OTHER".equals(r.effect()) && text == null) {
					throw InvalidInputException.of("text", "describe the effect");
				}
				effect = r.effect();
				severity = r.severity();
			}
			case "INTERVENTION" -> {
				drug = SessionGuard.text(r.drug(), "drug", 200, text == null);
				dose = SessionGuard.text(r.dose(), "dose", 100, drug != null);
			}
			default -> text = SessionGuard.text(r.text(), "text", TEXT_LIMIT, true);
		}
		return new Observation(TimeOrderedIds.next(), r.kind(), moaas, cadss, effect, severity, drug, dose, text, at,
				step.now(), step.user().id(), this.guard.late(at, step.now()));
	}

	private List<Alert> raise(Step step, List<Crossing> crossings, java.time.Instant at) {
		List<Alert> alerts = alerts(step, crossings, at);
		alerts.forEach((alert) -> this.rows.insertAlert(step.id(), alert));
		return alerts;
	}

	private static List<Alert> alerts(Step step, List<Crossing> crossings, java.time.Instant at) {
		List<Alert> alerts = new ArrayList<>(crossings.size());
		for (Crossing crossing : crossings) {
			alerts.add(new Alert(TimeOrderedIds.next(), crossing.code(), crossing.message(), at, step.now(), null, null,
					null));
		}
		return alerts;
	}

	/** A clinician acknowledges an alert, saying what was done. */
	@Transactional
	public void acknowledge(UUID sessionId, UUID alertId, String note) {
		Step step = this.guard.lock(sessionId, SessionGuard.DOSING_STAFF);
		String what = SessionGuard.text(note, "note", 1000, true);
		if (!this.rows.acknowledge(sessionId, alertId, step.user().id(), what, step.now())) {
			throw new NotFoundException("Open alert", alertId);
		}
		this.sessions.audit(step, AuditAction.UPDATE, "alert acknowledged");
		this.sessions.changed(sessionId);
	}

	/** The stored reading, the alerts it raised, and whether the session is held. */
	public record VitalsResult(UUID id, List<Alert> alerts, boolean held, String holdReason, boolean late) {
	}

	public record EventResult(Observation event, List<Alert> alerts) {
	}

}
