package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.dosing.DoseCalculator.ComputedDose;
import org.kapclinic.dosing.SessionGuard.Step;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.SecondPersons;
import org.kapclinic.ledger.Ledger;
import org.kapclinic.measures.Measures;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.Appointments;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dosing session's steps after check-in, each a named method with its preconditions:
 * checklist, hold override, order, second-person verification, administrations, readiness
 * for discharge, discharge, abort. Every step locks the session row, so steps on one
 * session never interleave.
 */
@Service
@Transactional
public class DosingSessions {

	/**
	 * The drug classes the Spravato REMS Patient Monitoring Form asks about (taken in the
	 * last 24 h), plus opioids, in the order the form lists them.
	 */
	static final List<String> CONCOMITANT_ORDER = List.of("BENZODIAZEPINE", "NON_BENZODIAZEPINE_HYPNOTIC",
			"PSYCHOSTIMULANT", "MAOI", "OPIOID");

	static final Set<String> CONCOMITANT = Set.copyOf(CONCOMITANT_ORDER);

	private final SessionGuard guard;

	private final SessionRows rows;

	private final Patients patients;

	private final Measures measures;

	private final AuditTrail audit;

	private final DosingSettings settings;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Ledger ledger;

	private final Appointments appointments;

	private final SecondPersons coSigners;

	private final RemsForms remsForms;

	DosingSessions(SessionGuard guard, SessionRows rows, Patients patients, Measures measures, AuditTrail audit,
			DosingSettings settings, ApplicationEventPublisher events, JsonMapper json, Ledger ledger,
			Appointments appointments, SecondPersons coSigners, RemsForms remsForms) {
		this.coSigners = coSigners;
		this.remsForms = remsForms;
		this.ledger = ledger;
		this.appointments = appointments;
		this.guard = guard;
		this.rows = rows;
		this.patients = patients;
		this.measures = measures;
		this.audit = audit;
		this.settings = settings;
		this.events = events;
		this.json = json;
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
			if (!CONCOMITANT.contains(drug)) {
				throw InvalidInputException.of("concomitant", "unknown drug class " + drug + "; one of " + CONCOMITANT);
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
					!beforeOrder || this.rows.hasPreDoseVitals(sessionId),
					this.measures.suicideRiskUnreviewedToday(session.patientId()), weightValidityDays(step, patient),
					step.now()))
			.orThrow(sessionId);
		String reason = (request.override() != null)
				? SessionGuard.text(request.override().reason(), "override.reason", 1000, false) : null;
		ComputedDose dose = DoseCalculator.compute(step.protocol(), dosee(step), request.doseMgPerKg(),
				request.doseMg(), reason, BigDecimal.ZERO);
		DoseOrder order = new DoseOrder(UUID.randomUUID(), dose.doseMg(), dose.doseMgPerKg(), dose.weightKg(),
				dose.infusionMinutes(), dose.rateMgPerHour(), dose.overridden() ? reason : null, step.now(),
				step.user().id(), step.protocol().verificationRequired(), null, null, null);
		this.rows.insertOrder(sessionId, order);
		// A replacement order is recorded as a move ORDERED → ORDERED, so the history
		// shows it.
		this.rows.transition(sessionId, session.state(), SessionState.ORDERED, step.user().id(),
				(session.state() == SessionState.ORDERED) ? "order replaced" : null, step.now());
		audit(step, AuditAction.CREATE, "order " + dose.doseMg() + " mg (" + dose.doseMgPerKg() + " mg/kg)"
				+ (order.overrideReason() != null ? ", override: " + order.overrideReason() : ""));
		changed(sessionId);
		return order;
	}

	/**
	 * Who the dose is for: the session's weight, the age today, first esketamine of the
	 * course.
	 */
	private DoseCalculator.Dosee dosee(Step step) {
		DosingSession session = step.session();
		boolean first = step.protocol().esketamine()
				&& !this.rows.esketamineGivenBefore(session.patientId(), session.courseId(), session.id());
		return new DoseCalculator.Dosee(session.weightKg(), summary(session).age(), first);
	}

	/** How old the weight captured at check-in may be when a dose is ordered. */
	private static int weightValidityDays(Step step, PatientSummary patient) {
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

	// --- administrations --------------------------------------------------------------

	public Administration administer(UUID sessionId, DosingRequests.AdministrationEntry request) {
		Step step = this.guard.lock(sessionId, SessionGuard.DOSING_STAFF);
		if (request == null || request.kind() == null) {
			throw InvalidInputException.of("kind", "START, RATE_CHANGE, PAUSE, RESUME, STOP, ADDITIONAL or DEVICE");
		}
		Instant at = this.guard.when(request.at(), step.session(), step.now());
		return switch (request.kind()) {
			case "START" -> start(step, request, at);
			case "DEVICE" -> device(step, request, at);
			case "ADDITIONAL" -> additional(step, request, at);
			case "RATE_CHANGE", "PAUSE", "RESUME" -> infusionChange(step, request, at);
			case "STOP" -> stop(step, request, at);
			default ->
				throw InvalidInputException.of("kind", "START, RATE_CHANGE, PAUSE, RESUME, STOP, ADDITIONAL or DEVICE");
		};
	}

	private Administration start(Step step, DosingRequests.AdministrationEntry request, Instant at) {
		if (step.protocol().esketamine()) {
			throw new RuleViolationException("Esketamine is given device by device",
					List.of("USE_DEVICE: record each 28 mg device with kind DEVICE"));
		}
		DoseOrder order = this.rows.currentOrder(step.id()).orElse(null);
		SessionState next = step.session()
			.administer(AdministrationKind.START, step.protocol(), order, false)
			.orThrow(step.id());
		if (request.doseMg() != null && request.doseMg().compareTo(order.doseMg()) != 0) {
			throw new RuleViolationException("The dose differs from the order",
					List.of("START_DOSE_DIFFERS: the order is " + order.doseMg()
							+ " mg; change the order or give an ADDITIONAL dose"));
		}
		Administration given = record(step, "START", order.doseMg(), order.rateMgPerHour(), request, at, null);
		this.rows.doseTimes(step.id(), at, at);
		advance(step, next, null);
		return given;
	}

	private Administration device(Step step, DosingRequests.AdministrationEntry request, Instant at) {
		Protocol protocol = step.protocol();
		if (!protocol.esketamine()) {
			throw InvalidInputException.of("kind", "DEVICE is for esketamine nasal spray sessions");
		}
		SessionDecision allowed = step.session()
			.administer(AdministrationKind.DEVICE, step.protocol(), this.rows.currentOrder(step.id()).orElse(null),
					false);
		allowed.orThrow(step.id());
		DoseOrder order = this.rows.currentOrder(step.id()).orElseThrow();
		BigDecimal deviceMg = BigDecimal.valueOf(protocol.deviceMg());
		if (request.doseMg() != null && request.doseMg().compareTo(deviceMg) != 0) {
			throw InvalidInputException.of("doseMg", "one device is " + protocol.deviceMg() + " mg");
		}
		List<Administration> devices = this.rows.administrations(step.id())
			.stream()
			.filter((a) -> "DEVICE".equals(a.kind()))
			.toList();
		BigDecimal total = SessionRows.sumGiven(devices).add(deviceMg);
		if (total.compareTo(order.doseMg()) > 0) {
			throw new RuleViolationException("More devices than ordered", List.of("DEVICES_EXCEED_ORDER: the order is "
					+ order.doseMg() + " mg (" + order.doseMg().intValue() / protocol.deviceMg() + " devices)"));
		}
		if (!devices.isEmpty()) {
			Instant earliest = devices.get(devices.size() - 1)
				.at()
				.plus(Duration.ofMinutes(protocol.minutesBetweenDevices()));
			if (at.isBefore(earliest)) {
				long wait = (Duration.between(at, earliest).getSeconds() + 59) / 60;
				throw new RuleViolationException("Too soon after the previous device",
						List.of("DEVICE_INTERVAL: rest " + protocol.minutesBetweenDevices()
								+ " minutes between devices (Spravato PI); " + wait + " more minute(s)"));
			}
		}
		Administration given = record(step, "DEVICE", deviceMg, null, request, at, null);
		this.rows.doseTimes(step.id(), at, at);
		boolean last = total.compareTo(order.doseMg()) == 0;
		SessionState next = step.session()
			.administer(AdministrationKind.DEVICE, protocol, order, last)
			.orThrow(step.id());
		// The history shows the dosing start even when one device is the whole order.
		advance(step, SessionState.DOSING, null);
		if (next == SessionState.MONITORING) {
			this.rows.transition(step.id(), SessionState.DOSING, SessionState.MONITORING, step.user().id(),
					"all devices given", step.now());
		}
		return given;
	}

	/**
	 * An additional dose counts toward the hard maximum with everything already given; a
	 * prescriber orders it and it restarts the observation clock.
	 */
	private Administration additional(Step step, DosingRequests.AdministrationEntry request, Instant at) {
		if (!step.user().has(Role.PRESCRIBER)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"A prescriber orders an additional dose");
		}
		if (step.protocol().esketamine()) {
			throw new RuleViolationException("Esketamine is dosed by the order",
					List.of("USE_DEVICE: esketamine doses are the ordered devices (28, 56 or 84 mg)"));
		}
		SessionState next = step.session()
			.administer(AdministrationKind.ADDITIONAL, step.protocol(), null, false)
			.orThrow(step.id());
		if (request.doseMg() == null) {
			throw InvalidInputException.of("doseMg", "the additional dose in mg");
		}
		int days = weightValidityDays(step, summary(step.session()));
		if (step.session().weightUsed().staleAt(step.now(), days)) {
			throw step.session().staleWeight(days).exception(step.id());
		}
		String reason = (request.override() != null)
				? SessionGuard.text(request.override().reason(), "override.reason", 1000, false) : null;
		BigDecimal given = SessionRows.sumGiven(this.rows.administrations(step.id()));
		ComputedDose dose = DoseCalculator.compute(step.protocol(), dosee(step), null, request.doseMg(), reason, given);
		Administration administered = record(step, "ADDITIONAL", dose.doseMg(), null, request, at,
				dose.overridden() ? reason : null);
		Instant last = laterOf(step.session().lastDoseAt(), at);
		this.rows.doseTimes(step.id(), at, last);
		advance(step, next, "additional dose");
		return administered;
	}

	private Administration infusionChange(Step step, DosingRequests.AdministrationEntry request, Instant at) {
		if (!step.protocol().infusion()) {
			throw InvalidInputException.of("kind", request.kind() + " applies to IV infusions");
		}
		step.session()
			.administer(AdministrationKind.valueOf(request.kind()), step.protocol(), null, false)
			.orThrow(step.id());
		BigDecimal rate = null;
		if ("RATE_CHANGE".equals(request.kind())) {
			// A rate change is a new order for the rest of the infusion: prescribers
			// only,
			// never above the protocol's cap (issue 13; Fava 2020, clinical.md §9).
			if (!step.user().has(Role.PRESCRIBER)) {
				throw new org.springframework.security.access.AccessDeniedException(
						"A prescriber changes the infusion rate");
			}
			if (request.rateMgPerHour() == null || request.rateMgPerHour().signum() <= 0) {
				throw InvalidInputException.of("rateMgPerHour", "the new rate in mg/h");
			}
			rate = request.rateMgPerHour();
			InfusionRules.requireWithinCap(step.protocol(), rate, step.session().weightKg());
		}
		return record(step, request.kind(), null, rate, request, at, null);
	}

	private Administration stop(Step step, DosingRequests.AdministrationEntry request, Instant at) {
		SessionState next = step.session()
			.administer(AdministrationKind.STOP, step.protocol(), null, false)
			.orThrow(step.id());
		if (step.session().firstDoseAt() != null && at.isBefore(step.session().firstDoseAt())) {
			throw InvalidInputException.of("at", "cannot be before the dose started");
		}
		Administration stopped = record(step, "STOP", null, null, request, at, null);
		this.rows.doseTimes(step.id(), at, laterOf(step.session().lastDoseAt(), at));
		advance(step, next, null);
		return stopped;
	}

	/**
	 * Stores an administration; one that gives drug draws it from a lot of the right
	 * product in the controlled-substance ledger, in the same transaction (Schedule III
	 * accountability: every administration links to the session and the lot).
	 */
	private Administration record(Step step, String kind, BigDecimal mg, BigDecimal rate,
			DosingRequests.AdministrationEntry request, Instant at, String overrideReason) {
		UUID entry = null;
		if (Administration.givesDrug(kind)) {
			if (request.lotId() == null) {
				throw InvalidInputException.of("lotId", "the lot the dose is drawn from (controlled-substance ledger)");
			}
			String product;
			try {
				product = this.ledger.lot(request.lotId()).product();
			}
			catch (org.kapclinic.shared.NotFoundException ex) {
				throw InvalidInputException.of("lotId", "no such lot in the controlled-substance ledger");
			}
			String needed = step.protocol().esketamine() ? "ESKETAMINE" : "KETAMINE";
			if (!needed.equals(product)) {
				throw InvalidInputException.of("lotId", "this session draws from a " + needed + " lot, not " + product);
			}
			entry = this.ledger.draw(request.lotId(), mg, step.id(), step.session().patientId(), at).entryId();
		}
		else if (request.lotId() != null) {
			throw InvalidInputException.of("lotId", kind + " draws nothing from a lot");
		}
		Administration administration = new Administration(UUID.randomUUID(), kind, mg, rate, request.lotId(), entry,
				overrideReason, at, step.now(), step.user().id(), this.guard.late(at, step.now()));
		this.rows.insertAdministration(step.id(), administration);
		audit(step, AuditAction.CREATE, kind + ((mg != null) ? " " + mg + " mg" : "")
				+ (administration.late() ? " (late entry for " + at + ")" : ""));
		if (administration.givesDrug()) {
			// A course's first dose anchors its outcome baseline (measures keeps the
			// earliest).
			this.measures.doseGiven(step.session().patientId(), step.session().courseId(), at);
		}
		changed(step.id());
		return administration;
	}

	private static Instant laterOf(Instant a, Instant b) {
		return (a == null || b.isAfter(a)) ? b : a;
	}

	// --- discharge --------------------------------------------------------------

	/**
	 * The patient meets the protocol's discharge criteria (attested, and the blood
	 * pressure checked against the baseline). The time is kept: the REMS monitoring form
	 * asks when the patient would have been ready to leave without the 2-hour rule.
	 */
	public void readyForDischarge(UUID sessionId, DosingRequests.Discharge request) {
		Step step = this.guard.lock(sessionId, SessionGuard.DOSING_STAFF);
		markReady(step, request);
		changed(sessionId);
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
		List<Vitals> vitals = this.rows.vitals(step.id());
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
		long openAlerts = this.rows.alerts(step.id()).stream().filter(Alert::open).count();
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
		advance(step, next, null);
		audit(step, AuditAction.UPDATE, "ready for discharge");
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
		BigDecimal total = SessionRows.sumGiven(this.rows.administrations(sessionId));
		completeAppointment(session.appointmentId(), step.now());
		this.measures.scheduleAfterDose(session.patientId(), session.firstDoseAt());
		this.remsForms.due(session, step.now());
		audit(step, AuditAction.UPDATE, "discharged after " + total + " mg");
		changed(sessionId);
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
		audit(step, AuditAction.UPDATE, "aborted: " + why);
		changed(sessionId);
		return this.rows.find(sessionId).orElseThrow();
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
