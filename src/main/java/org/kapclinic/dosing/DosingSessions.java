package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.dosing.DoseCalculator.ComputedDose;
import org.kapclinic.dosing.SessionGuard.Step;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.SecondPersons;
import org.kapclinic.measures.Measures;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dosing session's steps before the dose: checklist, hold override, order and its
 * second-person verification; the drug itself is given through {@link Administrations}
 * and the session ends through {@link Discharges}. Every step locks the session row, so
 * steps on one session never interleave, and asks the {@link DosingSession} aggregate
 * whether it may happen.
 */
@Service
@Transactional
class DosingSessions {

	private final SessionGuard guard;

	private final SessionRows rows;

	private final MonitoringRows monitoringRows;

	private final Patients patients;

	private final Measures measures;

	private final AuditTrail audit;

	private final DosingSettings settings;

	private final ApplicationEventPublisher events;

	private final SecondPersons coSigners;

	private final Exposures exposures;

	DosingSessions(SessionGuard guard, SessionRows rows, MonitoringRows monitoringRows, Patients patients,
			Measures measures, AuditTrail audit, DosingSettings settings, ApplicationEventPublisher events,
			SecondPersons coSigners, Exposures exposures) {
		this.coSigners = coSigners;
		this.exposures = exposures;
		this.guard = guard;
		this.rows = rows;
		this.monitoringRows = monitoringRows;
		this.patients = patients;
		this.measures = measures;
		this.audit = audit;
		this.settings = settings;
		this.events = events;
	}

	// --- pre-dose ---------------------------------------------------------------

	/** Records checklist answers; returns the items still open. */
	public List<String> checklist(UUID sessionId, DosingRequests.Checklist request) {
		Step step = this.guard.lock(sessionId, SessionGuard.DOSING_STAFF);
		SessionGuard.requireState(step.session(), "The checklist", SessionState.CHECKED_IN,
				SessionState.PRE_DOSE_CHECKS);
		Map<String, Boolean> items = new LinkedHashMap<>(step.session().checklist());
		if (request == null || request.items() == null) {
			throw InvalidInputException.of("items", "is required");
		}
		for (Map.Entry<String, Boolean> item : request.items().entrySet()) {
			if (!ProtocolRules.CHECKLIST_ITEMS.contains(item.getKey()) || item.getValue() == null) {
				throw InvalidInputException.of("items." + item.getKey(),
						"unknown item or no answer; items: " + step.protocol().checklist());
			}
			items.put(item.getKey(), item.getValue());
		}
		List<String> concomitant = (request.concomitant() != null) ? List.copyOf(request.concomitant())
				: step.session().concomitant();
		for (String drug : concomitant) {
			if (!ConcomitantDrugs.CODES.contains(drug)) {
				throw InvalidInputException.of("concomitant",
						"unknown drug class " + drug + "; one of " + ConcomitantDrugs.IN_FORM_ORDER);
			}
		}
		if (Boolean.TRUE.equals(items.get("PRE_SESSION_MEASURES"))) {
			List<String> due = dueMeasures(step.session().patientId());
			if (!due.isEmpty()) {
				throw new RuleViolationException("Pre-session measures are still due",
						List.of("PRE_SESSION_MEASURES: still due: " + String.join(", ", due)));
			}
		}
		List<String> open = openChecklistItems(step.protocol(), items, summary(step.session()));
		this.rows.saveChecklist(sessionId, items, open.isEmpty(), concomitant);
		advance(step, SessionState.PRE_DOSE_CHECKS, null);
		audit(step, AuditAction.UPDATE, "checklist" + (open.isEmpty() ? " complete" : ", open " + open));
		changed(sessionId);
		return open;
	}

	/**
	 * Items of the protocol's checklist that apply to this patient and are not confirmed.
	 */
	List<String> openChecklistItems(Protocol protocol, Map<String, Boolean> items, PatientSummary patient) {
		List<String> open = new ArrayList<>();
		for (String item : protocol.checklist()) {
			if ("PREGNANCY_TEST".equals(item) && !pregnancyTestApplies(patient)) {
				continue;
			}
			if (!Boolean.TRUE.equals(items.get(item))) {
				open.add(item);
			}
		}
		return open;
	}

	/**
	 * Clinic policy: female at birth, from 10 up to
	 * {@code kap.dosing.pregnancy-test-max-age}.
	 */
	boolean pregnancyTestApplies(PatientSummary patient) {
		return patient.sexAtBirth() == org.kapclinic.patient.SexAtBirth.FEMALE && patient.age() >= 10
				&& patient.age() <= this.settings.pregnancyTestMaxAge();
	}

	private List<String> dueMeasures(UUID patientId) {
		return this.measures.due(patientId)
			.stream()
			.filter((d) -> d.dueState().open())
			.map((d) -> d.instrument())
			.distinct()
			.toList();
	}

	/**
	 * A prescriber releases a held session despite the readings, with a reason. A hold at
	 * the pre-dose ceiling cannot be overridden by one person: a second clinician
	 * co-signs with their own credentials (409 {@code COSIGNER_REQUIRED} without), and
	 * both names and the reason are audited (issue 13).
	 */
	public void overrideHold(UUID sessionId, DosingRequests.HoldOverride request) {
		Step step = this.guard.lock(sessionId, Set.of(Role.PRESCRIBER));
		SessionGuard.requireState(step.session(), "A hold override", SessionState.CHECKED_IN,
				SessionState.PRE_DOSE_CHECKS);
		if (!step.session().held()) {
			throw new ConflictException("The session is not held", SessionGuard.RESOURCE, sessionId);
		}
		String why = SessionGuard.text((request != null) ? request.reason() : null, "reason", 1000, true);
		StaffMember coSigner = null;
		if (step.session().heldAtCeiling()) {
			DosingRequests.CoSigner credentials = (request != null) ? request.coSigner() : null;
			if (credentials == null || !credentials.complete()) {
				throw new ConflictException("COSIGNER_REQUIRED: the blood pressure reached the pre-dose ceiling ("
						+ step.session().holdReason()
						+ "); recheck below the ceiling after rest, or a second clinician co-signs the override with their own username and password",
						SessionGuard.RESOURCE, sessionId)
					.with("openItems", List.of("COSIGNER_REQUIRED"));
			}
			coSigner = this.coSigners.requireOther(credentials.username(), credentials.password(), step.user(),
					SessionGuard.DOSING_STAFF, "co-signed hold override of dosing session " + sessionId,
					"The co-signer", "COSIGNER");
		}
		this.rows.overrideHold(sessionId, why, step.user().id(), (coSigner != null) ? coSigner.id() : null);
		audit(step, AuditAction.UPDATE,
				"hold overridden by " + step.user().username()
						+ ((coSigner != null) ? ", co-signed by " + coSigner.username() + " (pre-dose ceiling)" : "")
						+ ": " + why);
		changed(sessionId);
	}

	/**
	 * Stores a move the aggregate decided; nothing when the state stays (a checklist
	 * answer or reading after the first).
	 */
	void advance(Step step, SessionState next, String reason) {
		SessionState from = step.session().state();
		if (next != from) {
			this.rows.transition(step.id(), from, next, step.user().id(), reason, step.now());
		}
	}

	// --- order ------------------------------------------------------------------

	/**
	 * A prescriber's order in mg/kg or mg. Refused (409) before the checklist and a
	 * baseline are complete or while the session is held; refused (422) above the hard
	 * maximum, above the soft maximum without a reason, or on a weight that is no longer
	 * valid.
	 */
	public DoseOrder order(UUID sessionId, DosingRequests.Order request) {
		Step step = this.guard.lock(sessionId, Set.of(Role.PRESCRIBER));
		DosingSession session = step.session();
		if (request == null) {
			throw InvalidInputException.of("doseMgPerKg", "give either doseMgPerKg or doseMg");
		}
		boolean beforeOrder = session.state().beforeOrder();
		PatientSummary patient = summary(session);
		// An open suicide-risk flag blocks the order until a clinician has reviewed it
		// today (PHQ-9 item 9, clinical.md 4.1; issue 13).
		session
			.order(new DosingSession.OrderChecks(
					beforeOrder ? openChecklistItems(step.protocol(), session.checklist(), patient) : List.of(),
					!beforeOrder || this.monitoringRows.hasPreDoseVitals(sessionId),
					this.measures.suicideRiskUnreviewedToday(session.patientId()), weightValidityDays(step, patient),
					step.now()))
			.orThrow(sessionId);
		String reason = (request.override() != null)
				? SessionGuard.text(request.override().reason(), "override.reason", 1000, false) : null;
		ComputedDose dose = DoseCalculator.compute(step.protocol(), dosee(step), request.doseMgPerKg(),
				request.doseMg(), reason, BigDecimal.ZERO);
		String exposure = this.exposures.acknowledged(step, dose, request.exposureAcknowledgement());
		DoseOrder order = new DoseOrder(UUID.randomUUID(), dose.doseMg(), dose.doseMgPerKg(), dose.weightKg(),
				dose.infusionMinutes(), dose.rateMgPerHour(), dose.overridden() ? reason : null, step.now(),
				step.user().id(), step.protocol().verificationRequired(), null, null, null, exposure);
		this.rows.insertOrder(sessionId, order);
		// A replacement order is recorded as a move ORDERED → ORDERED, so the history
		// shows it.
		this.rows.transition(sessionId, session.state(), SessionState.ORDERED, step.user().id(),
				(session.state() == SessionState.ORDERED) ? "order replaced" : null, step.now());
		audit(step, AuditAction.CREATE,
				"order " + dose.doseMg() + " mg (" + dose.doseMgPerKg() + " mg/kg)"
						+ (order.overrideReason() != null ? ", override: " + order.overrideReason() : "")
						+ (exposure != null ? ", exposure: " + exposure : ""));
		changed(sessionId);
		return order;
	}

	/**
	 * Who the dose is for: the session's weight, the age today, first esketamine of the
	 * course.
	 */
	DoseCalculator.Dosee dosee(Step step) {
		DosingSession session = step.session();
		boolean first = step.protocol().esketamine()
				&& !this.rows.esketamineGivenBefore(session.patientId(), session.courseId(), session.id());
		return new DoseCalculator.Dosee(session.weightKg(), summary(session).age(), first);
	}

	/** How old the weight captured at check-in may be when a dose is ordered. */
	static int weightValidityDays(Step step, PatientSummary patient) {
		return patient.minor() ? step.protocol().minorWeightValidityDays() : step.protocol().weightValidityDays();
	}

	/** A second clinician (not the prescriber who ordered) verifies the order. */
	public DoseOrder verify(UUID sessionId) {
		Step step = this.guard.lock(sessionId, SessionGuard.DOSING_STAFF);
		SessionGuard.requireState(step.session(), "Verification", SessionState.ORDERED);
		DoseOrder order = this.rows.currentOrder(sessionId).orElseThrow();
		if (!order.verificationRequired() || order.verifiedAt() != null) {
			throw new ConflictException("The order needs no (further) verification", SessionGuard.RESOURCE, sessionId);
		}
		if (order.orderedBy().equals(step.user().id())) {
			throw new RuleViolationException("Second-person verification",
					List.of("SECOND_PERSON: the order must be verified by a clinician other than the prescriber"));
		}
		this.rows.verifyOrder(order.id(), step.user().id(), step.now());
		audit(step, AuditAction.UPDATE, "order verified");
		changed(sessionId);
		return this.rows.currentOrder(sessionId).orElseThrow();
	}

	// --- helpers ----------------------------------------------------------------

	PatientSummary summary(DosingSession session) {
		return this.patients.summary(session.patientId()).orElseThrow();
	}

	void audit(Step step, AuditAction action, String detail) {
		this.audit.record(auditEvent(step, action, detail));
	}

	static AuditEvent auditEvent(Step step, AuditAction action, String detail) {
		return AuditEvent.of(action, SessionGuard.RESOURCE, step.id())
			.patient(step.session().patientId())
			.category(DataCategory.CLINICAL)
			.detail(detail);
	}

	void changed(UUID sessionId) {
		this.events.publishEvent(new SessionChanged(sessionId));
	}

}
