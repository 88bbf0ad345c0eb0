package org.kapclinic.dosing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.dosing.SessionGuard.Step;
import org.kapclinic.dosing.Thresholds.Crossing;
import org.kapclinic.identity.Role;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.TimeOrderedIds;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is seen during a session besides vitals: sedation (MOAA/S), dissociation (CADSS),
 * side effects and adverse events with their severity, interventions, the therapist's
 * notes; and the acknowledgement of alerts. A sedation, dissociation or severe adverse
 * event threshold raises an alert in the same transaction.
 */
@Service
class Observations {

	static final Set<String> EVENT_KINDS = ObservationKind.codes();

	/** Kinds a therapist may record (observations and notes; no drugs). */
	static final Set<String> THERAPIST_KINDS = ObservationKind.therapistCodes();

	static final Set<String> EFFECTS = SideEffect.codes();

	static final Set<String> SEVERITIES = EventSeverity.codes();

	private static final int TEXT_LIMIT = 4000;

	private final SessionGuard guard;

	private final MonitoringRows monitoringRows;

	private final DosingSessions sessions;

	Observations(SessionGuard guard, MonitoringRows monitoringRows, DosingSessions sessions) {
		this.guard = guard;
		this.monitoringRows = monitoringRows;
		this.sessions = sessions;
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
		this.monitoringRows.insertObservation(sessionId, observation);
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
		List<Alert> alerts = Monitoring.alerts(step, crossings, at);
		alerts.forEach((alert) -> this.monitoringRows.insertAlert(step.id(), alert));
		return alerts;
	}

	/** A clinician acknowledges an alert, saying what was done. */
	@Transactional
	public void acknowledge(UUID sessionId, UUID alertId, String note) {
		Step step = this.guard.lock(sessionId, SessionGuard.DOSING_STAFF);
		String what = SessionGuard.text(note, "note", 1000, true);
		if (!this.monitoringRows.acknowledge(sessionId, alertId, step.user().id(), what, step.now())) {
			throw new NotFoundException("Open alert", alertId);
		}
		this.sessions.audit(step, AuditAction.UPDATE, "alert acknowledged");
		this.sessions.changed(sessionId);
	}

	public record EventResult(Observation event, List<Alert> alerts) {
	}

}
