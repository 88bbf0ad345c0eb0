package org.kapclinic.dosing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.intake.Eligibility;
import org.kapclinic.intake.EligibilityStatus;
import org.kapclinic.intake.Program;
import org.kapclinic.measures.Measures;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.LatestBody;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.AppointmentType;
import org.kapclinic.scheduling.Appointments;
import org.kapclinic.scheduling.RemsEnrollments;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-in opens a dosing session. It asks the modules that own each rule: current
 * eligibility and consent for the program ({@link Eligibility}, including a minor's
 * guardian consent and assent), the booked dosing appointment, the Spravato REMS
 * enrollment, and a weight recent enough for the protocol. Each missing prerequisite is
 * one reason of a 422, and nothing is stored.
 */
@Service
@Transactional
class CheckIns {

	private final SessionRows rows;

	private final Protocols protocols;

	private final CareTeamAccess access;

	private final Eligibility eligibility;

	private final Appointments appointments;

	private final RemsEnrollments rems;

	private final Patients patients;

	private final Measures measures;

	private final AuditTrail audit;

	private final DosingSettings settings;

	private final ClinicTime clinicTime;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CheckIns(SessionRows rows, Protocols protocols, CareTeamAccess access, Eligibility eligibility,
			Appointments appointments, RemsEnrollments rems, Patients patients, Measures measures, AuditTrail audit,
			DosingSettings settings, ClinicTime clinicTime, ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.protocols = protocols;
		this.access = access;
		this.eligibility = eligibility;
		this.appointments = appointments;
		this.rems = rems;
		this.patients = patients;
		this.measures = measures;
		this.audit = audit;
		this.settings = settings;
		this.clinicTime = clinicTime;
		this.events = events;
		this.clock = clock;
	}

	public DosingSession checkIn(DosingRequests.CheckIn request) {
		requireFields(request);
		StaffMember user = this.access.requireClinical(request.patientId());
		if (SessionGuard.DOSING_STAFF.stream().noneMatch(user::has)) {
			throw new AccessDeniedException("Nurses and prescribers check patients in for dosing");
		}
		Protocol protocol;
		try {
			protocol = this.protocols.current(request.protocol());
		}
		catch (NotFoundException ex) {
			throw InvalidInputException.of("protocol", "unknown protocol " + request.protocol());
		}
		Instant now = Instant.now(this.clock);
		PatientSummary patient = this.patients.summary(request.patientId())
			.orElseThrow(() -> new NotFoundException("Patient", request.patientId()));
		List<String> reasons = patientReasons(protocol, patient);
		Appointment appointment = appointment(request.appointmentId(), patient.id(), protocol, now, reasons);
		LatestBody body = this.patients.latestBody(patient.id());
		weight(protocol, patient, body, now, reasons);
		if (!reasons.isEmpty()) {
			throw new RuleViolationException("The patient cannot be checked in for dosing", reasons);
		}
		if (this.rows.appointmentTaken(appointment.id())) {
			throw new ConflictException("This appointment already has a dosing session", "Appointment",
					appointment.id());
		}
		DosingSession session = new DosingSession(UUID.randomUUID(), patient.id(), appointment.id(),
				appointment.roomId(), protocol.code(), protocol.version(), protocol.program(), protocol.route(),
				SessionState.CHECKED_IN, body.weightKg(), body.weightMeasuredAt(), Map.of(), false, List.of(), false,
				null, null, null, null, null, null, null, now, user.id(), 0, appointment.courseId(), null);
		this.rows.insert(session);
		this.measures.scheduleBeforeDose(patient.id(), appointment.start());
		this.audit.record(AuditEvent.of(AuditAction.CREATE, SessionGuard.RESOURCE, session.id())
			.patient(patient.id())
			.category(DataCategory.CLINICAL)
			.detail("checked in, " + protocol.code() + " v" + protocol.version()));
		this.events.publishEvent(new SessionChanged(session.id()));
		return session;
	}

	private static void requireFields(DosingRequests.CheckIn request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request == null || request.patientId() == null) {
			problems.add(new FieldProblem("patientId", "is required"));
		}
		if (request == null || request.protocol() == null || request.protocol().isBlank()) {
			problems.add(new FieldProblem("protocol", "is required"));
		}
		if (request == null || request.appointmentId() == null) {
			problems.add(new FieldProblem("appointmentId", "is required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/**
	 * Why this patient may not start this protocol: eligibility and consent not ready, an
	 * age the protocol does not cover, esketamine under 18 or without REMS enrolment.
	 */
	private List<String> patientReasons(Protocol protocol, PatientSummary patient) {
		List<String> reasons = new ArrayList<>();
		Program program = Program.valueOf(protocol.program());
		EligibilityStatus status = this.eligibility.status(patient.id(), program);
		status.missing().forEach((missing) -> reasons.add("NOT_READY: " + missing));
		// Each protocol declares the ages it covers (issue 13): adolescents only for IV
		// and IM (clinical.md §6), esketamine from 18 whatever the clinic's age of
		// majority.
		if (patient.age() < protocol.minAge() || patient.age() > protocol.maxAge()) {
			reasons.add("AGE_OUTSIDE_PROTOCOL: " + protocol.code() + " covers ages " + protocol.minAge()
					+ ((protocol.maxAge() == Integer.MAX_VALUE) ? " and over" : "–" + protocol.maxAge())
					+ "; the patient is " + patient.age());
		}
		if (protocol.esketamine()) {
			if (patient.age() < Protocol.ESKETAMINE_MIN_AGE) {
				reasons.add("ESKETAMINE_UNDER_18: esketamine is not approved below 18 (Spravato PI)");
			}
			if (this.rems.enrolledOn(patient.id()).isEmpty()) {
				reasons.add("REMS_ENROLLMENT: enroll the patient in the Spravato REMS before the first dose");
			}
		}
		return reasons;
	}

	private Appointment appointment(UUID appointmentId, UUID patientId, Protocol protocol, Instant now,
			List<String> reasons) {
		Appointment appointment;
		try {
			appointment = this.appointments.find(appointmentId);
		}
		catch (NotFoundException ex) {
			throw InvalidInputException.of("appointmentId", "no such appointment");
		}
		if (!appointment.patientId().equals(patientId)) {
			throw InvalidInputException.of("appointmentId", "the appointment is for another patient");
		}
		if (appointment.type() != AppointmentType.DOSING) {
			reasons.add("APPOINTMENT_TYPE: the appointment is for " + appointment.typeLabel().toLowerCase(Locale.ROOT)
					+ ", not a dosing session");
		}
		if (!appointment.booked()) {
			reasons.add("APPOINTMENT_STATUS: the appointment is " + appointment.statusLabel().toLowerCase(Locale.ROOT));
		}
		if (appointment.program() != null && !appointment.program().equals(protocol.program())) {
			reasons.add("APPOINTMENT_PROGRAM: the appointment is for " + appointment.programLabel()
					+ ", the protocol for " + Program.labelOf(protocol.program()));
		}
		if (now.isBefore(appointment.start().minus(this.settings.checkInEarly())) || now.isAfter(appointment.end())) {
			reasons
				.add("APPOINTMENT_TIME: check-in opens " + this.settings.checkInEarly().toMinutes()
						+ " min before the appointment ("
						+ DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
							.format(appointment.start().atZone(this.clinicTime.timeZone()))
						+ ") and closes at its end");
		}
		return appointment;
	}

	/**
	 * The weight must be recent: within the protocol's validity, and for a minor measured
	 * on the clinic day (0 days) by default (clinical.md 1.1: compute mg from weight
	 * recorded the same day).
	 */
	private void weight(Protocol protocol, PatientSummary patient, LatestBody body, Instant now, List<String> reasons) {
		if (body.weightKg() == null) {
			reasons.add("WEIGHT_MISSING: record the patient's weight before dosing");
			return;
		}
		int days = patient.minor() ? protocol.minorWeightValidityDays() : protocol.weightValidityDays();
		LocalDate measured = this.clinicTime.date(body.weightMeasuredAt());
		LocalDate today = this.clinicTime.today(this.clock);
		if (measured.plusDays(days).isBefore(today)
				|| body.weightMeasuredAt().isAfter(now.plus(Duration.ofMinutes(1)))) {
			reasons.add("WEIGHT_STALE: weight measured " + measured + "; this protocol needs one from the last " + days
					+ " days" + (patient.minor() ? " (minor: same day)" : ""));
		}
	}

}
