package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.dosing.DoseCalculator.ComputedDose;
import org.kapclinic.dosing.SessionGuard.Step;
import org.kapclinic.identity.Role;
import org.kapclinic.ledger.Ledger;
import org.kapclinic.measures.Measures;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Giving the drug: the start of an injection or infusion, rate changes, pauses, the stop,
 * additional doses and esketamine devices. The session aggregate decides whether a step
 * may happen and where it leads ({@link DosingSession#administer}); this service adds the
 * dose rules (the order's dose, the device interval, the hard maximum with everything
 * already given) and draws every dose from a lot of the controlled-substance ledger in
 * the same transaction.
 */
@Service
@Transactional
class Administrations {

	private final SessionGuard guard;

	private final SessionRows rows;

	private final DosingSessions sessions;

	private final Ledger ledger;

	private final Measures measures;

	private final org.springframework.context.ApplicationEventPublisher events;

	Administrations(SessionGuard guard, SessionRows rows, DosingSessions sessions, Ledger ledger, Measures measures,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.guard = guard;
		this.rows = rows;
		this.sessions = sessions;
		this.ledger = ledger;
		this.measures = measures;
	}

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
		this.sessions.advance(step, next, null);
		return given;
	}

	private Administration device(Step step, DosingRequests.AdministrationEntry request, Instant at) {
		Protocol protocol = step.protocol();
		if (!protocol.esketamine()) {
			throw InvalidInputException.of("kind", "a nasal device is given in esketamine sessions only");
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
		this.sessions.advance(step, SessionState.DOSING, null);
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
		int days = this.sessions.weightValidityDays(step, this.sessions.summary(step.session()));
		if (step.session().weightUsed().staleAt(step.now(), days)) {
			throw step.session().staleWeight(days).exception(step.id());
		}
		String reason = (request.override() != null)
				? SessionGuard.text(request.override().reason(), "override.reason", 1000, false) : null;
		BigDecimal given = SessionRows.sumGiven(this.rows.administrations(step.id()));
		ComputedDose dose = DoseCalculator.compute(step.protocol(), this.sessions.dosee(step), null, request.doseMg(),
				reason, given);
		Administration administered = record(step, "ADDITIONAL", dose.doseMg(), null, request, at,
				dose.overridden() ? reason : null);
		Instant last = laterOf(step.session().lastDoseAt(), at);
		this.rows.doseTimes(step.id(), at, last);
		this.sessions.advance(step, next, "additional dose");
		return administered;
	}

	private Administration infusionChange(Step step, DosingRequests.AdministrationEntry request, Instant at) {
		if (!step.protocol().infusion()) {
			throw InvalidInputException.of("kind",
					AdministrationKind.labelOf(request.kind()) + " applies to IV infusions only");
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
		this.sessions.advance(step, next, null);
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
		this.sessions.audit(step, AuditAction.CREATE, kind + ((mg != null) ? " " + mg + " mg" : "")
				+ (administration.late() ? " (late entry for " + at + ")" : ""));
		if (administration.givesDrug()) {
			// A course's first dose anchors its outcome baseline (measures keeps the
			// earliest).
			this.measures.doseGiven(step.session().patientId(), step.session().courseId(), at);
			this.events
				.publishEvent(new DoseGiven(step.session().patientId(), step.session().courseId(), step.id(), at));
		}
		this.sessions.changed(step.id());
		return administration;
	}

	private static Instant laterOf(Instant a, Instant b) {
		return (a == null || b.isAfter(a)) ? b : a;
	}

}
