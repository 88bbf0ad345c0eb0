package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.dosing.SessionGuard.Step;
import org.kapclinic.patient.CareTeamAccess;
import org.springframework.stereotype.Service;

/** Reading sessions: the detail, a patient's list, and the timeline (all audited). */
/*
 * No read-only transaction around the reads: the audit row of a read is committed by the
 * audit batch writer on a connection of its own, and a transaction held open meanwhile
 * would tie up a second connection per request (pool exhaustion under load).
 */
@Service
public class SessionReads {

	private final SessionGuard guard;

	private final SessionRows rows;

	private final MonitoringRows monitoringRows;

	private final DosingSessions sessions;

	private final CareTeamAccess access;

	private final AuditTrail audit;

	private final DosingSettings settings;

	private final GivenDoseRows givenDoses;

	SessionReads(SessionGuard guard, SessionRows rows, MonitoringRows monitoringRows, DosingSessions sessions,
			CareTeamAccess access, AuditTrail audit, DosingSettings settings, GivenDoseRows givenDoses) {
		this.givenDoses = givenDoses;
		this.guard = guard;
		this.rows = rows;
		this.monitoringRows = monitoringRows;
		this.sessions = sessions;
		this.access = access;
		this.audit = audit;
		this.settings = settings;
	}

	/** One session, access-checked and audited (for other systems: FHIR's Encounter). */
	public DosingSession session(UUID sessionId) {
		Step step = this.guard.read(sessionId);
		read(step, "session");
		return step.session();
	}

	public SessionDetail detail(UUID sessionId) {
		Step step = this.guard.read(sessionId);
		read(step, "detail");
		return detail(step);
	}

	SessionDetail detail(Step step) {
		DosingSession s = step.session();
		UUID id = s.id();
		List<Administration> administrations = this.rows.administrations(id);
		List<Vitals> vitals = this.monitoringRows.vitals(id);
		BigDecimal given = SessionRows.sumGiven(administrations);
		VitalsSchedule.Due due = VitalsSchedule.next(step.protocol().vitals(), s.state(), s.checkedInAt(),
				s.firstDoseAt(), s.state() == SessionState.DOSING, s.held(), this.settings.holdRecheckAfter(),
				vitals.stream().map(Vitals::at).max(Instant::compareTo).orElse(null), step.now(),
				this.settings.vitalsOverdueGrace());
		List<String> open = List.of();
		if (s.state() == SessionState.CHECKED_IN || s.state() == SessionState.PRE_DOSE_CHECKS) {
			List<String> items = new ArrayList<>(
					this.sessions.openChecklistItems(step.protocol(), s.checklist(), this.sessions.summary(s)));
			if (vitals.stream().noneMatch(Vitals::preDose)) {
				items.add("BASELINE_VITALS");
			}
			open = items;
		}
		Long sinceDose = (s.firstDoseAt() != null)
				? Duration.between(s.firstDoseAt(), (s.closedAt() != null) ? s.closedAt() : step.now()).toMinutes()
				: null;
		long remaining = s.state().doseGiven()
				? DischargeRules.remainingMinutes(step.protocol(), s.lastDoseAt(), step.now()) : 0;
		return new SessionDetail(s, step.protocol().name(), ProtocolRules.unit(step.protocol().doseUnit()), open,
				this.rows.currentOrder(id).orElse(null), this.rows.orders(id), administrations, given,
				given.divide(s.weightKg(), 3, RoundingMode.HALF_UP), vitals, this.monitoringRows.observations(id),
				this.monitoringRows.alerts(id), this.rows.transitions(id), (due != null) ? due.at() : null,
				(due != null) ? due.kind() : null, due != null && due.overdue(), sinceDose,
				s.state().closed() ? 0 : remaining);
	}

	/**
	 * The doses a patient was given, one line per session that gave any (discharged or
	 * aborted after a dose), oldest first: for summaries shared with outside clinicians.
	 */
	public List<GivenDose> givenDoses(UUID patientId) {
		this.access.requireClinical(patientId);
		List<GivenDose> doses = this.givenDoses.of(patientId);
		this.audit.record(AuditEvent.of(AuditAction.QUERY, SessionGuard.RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("doses given: " + doses.size()));
		return doses;
	}

	/** What one session gave. */
	public record GivenDose(UUID sessionId, java.time.LocalDate date, String protocol, Route route, BigDecimal totalMg,
			BigDecimal mgPerKg) {

		public String label() {
			return this.date + " " + this.route + " " + this.totalMg.stripTrailingZeros().toPlainString() + " mg ("
					+ this.mgPerKg.stripTrailingZeros().toPlainString() + " mg/kg)";
		}

	}

	public List<DosingSession> forPatient(UUID patientId) {
		this.access.requireClinical(patientId);
		List<DosingSession> list = this.rows.forPatient(patientId);
		this.audit.record(AuditEvent.of(AuditAction.QUERY, SessionGuard.RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("sessions: " + list.size()));
		return list;
	}

	/**
	 * The session's timeline in time order (access-checked and audited), for the session
	 * page and the dosing-session therapist note.
	 */
	public List<TimelineEntry> timeline(UUID sessionId) {
		return timeline(null, sessionId);
	}

	/**
	 * The same, only if the session is this patient's (404 otherwise): a record on one
	 * patient's chart never pulls in another patient's session.
	 */
	public List<TimelineEntry> timeline(UUID patientId, UUID sessionId) {
		Step step = this.guard.read(sessionId);
		if (patientId != null && !patientId.equals(step.session().patientId())) {
			throw new org.kapclinic.shared.NotFoundException(SessionGuard.RESOURCE, sessionId);
		}
		read(step, "timeline");
		return detail(step).timeline();
	}

	/** How an observation reads in a timeline and the REMS summary. */
	static String describe(Observation o) {
		return switch (o.kind()) {
			case "SEDATION" -> "MOAA/S " + o.moaas();
			case "DISSOCIATION" -> "CADSS " + o.cadssTotal();
			case "SIDE_EFFECT", "ADVERSE_EVENT" ->
				SideEffect.labelOf(o.effect()) + " (" + EventSeverity.labelOf(o.severity()).toLowerCase(Locale.ROOT)
						+ ")" + ((o.text() != null) ? ": " + o.text() : "");
			case "INTERVENTION" ->
				((o.drug() != null) ? o.drug() + " " + o.drugDose() : "") + ((o.text() != null) ? " " + o.text() : "");
			default -> o.text();
		};
	}

	private void read(Step step, String what) {
		this.audit.record(AuditEvent.of(AuditAction.READ, SessionGuard.RESOURCE, step.id())
			.patient(step.session().patientId())
			.category(DataCategory.CLINICAL)
			.detail(what));
	}

}
