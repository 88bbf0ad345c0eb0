package org.kapclinic.billing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.ClinicianNpis;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.intake.RecordedDiagnoses;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A charge billing staff add by hand (issue 20): a service the record did not propose (a
 * late fee schedule, a service outside the schedule's rules). Priced by the fee schedule
 * in force on its date, with the reason kept as its basis; it is posted at once, and
 * voided like any other.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('ADMIN', 'BILLING')")
public class ManualCharges {

	/**
	 * {@code {"code","serviceDate","units","reason","renderingClinicianId"}}: the
	 * clinician, optional, is the rendering provider on the superbill (an active staff
	 * member with an NPI).
	 */
	public record ManualCharge(String code, LocalDate serviceDate, Integer units, String reason,
			UUID renderingClinicianId) {
	}

	private final JdbcClient jdbc;

	private final FeeSchedules schedules;

	private final RecordedDiagnoses diagnoses;

	private final Patients patients;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	private final ClinicianNpis clinicians;

	ManualCharges(JdbcClient jdbc, FeeSchedules schedules, RecordedDiagnoses diagnoses, Patients patients,
			CurrentUser currentUser, AuditTrail audit, ClinicTime clinicTime, Clock clock, ClinicianNpis clinicians) {
		this.clinicians = clinicians;
		this.jdbc = jdbc;
		this.schedules = schedules;
		this.diagnoses = diagnoses;
		this.patients = patients;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	public Charge add(UUID patientId, ManualCharge request) {
		if (this.patients.names(List.of(patientId)).isEmpty()) {
			throw new NotFoundException("Patient", patientId);
		}
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = this.clinicTime.today(this.clock);
		if (request.serviceDate() == null || request.serviceDate().isAfter(today)) {
			problems.add(new FieldProblem("serviceDate", "the date of service, not in the future"));
		}
		if (request.units() == null || request.units() < 1 || request.units() > 1000) {
			problems.add(new FieldProblem("units", "how many units, 1–1000"));
		}
		if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 500) {
			problems.add(new FieldProblem("reason", "why it is added by hand, 1–500 characters"));
		}
		if (request.renderingClinicianId() != null
				&& this.clinicians.all().stream().noneMatch((c) -> c.id().equals(request.renderingClinicianId()))) {
			problems.add(new FieldProblem("renderingClinicianId",
					"an active clinician with an NPI (an administrator adds the NPI on the staff account)"));
		}
		FeeSchedule schedule = (request.serviceDate() == null) ? null
				: this.schedules.inForce(request.serviceDate()).orElse(null);
		FeeLine line = (schedule == null) ? null
				: schedule.lines().stream().filter((l) -> l.code().equals(request.code())).findFirst().orElse(null);
		if (request.serviceDate() != null && line == null) {
			problems.add(new FieldProblem("code", "a code of the fee schedule in force on that date"
					+ ((schedule == null) ? " (there is none: an administrator publishes one)" : "")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = UUID.randomUUID();
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				insert into billing.charge (id, patient_id, source_kind, source_id, service_date, code_system, code,
				    modifiers, description, units, unit_price_minor, amount_minor, currency, diagnoses,
				    fee_schedule_version, basis, status, proposed_at, posted_at, posted_by, rendering_clinician)
				values (?, ?, 'MANUAL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'POSTED', ?, ?, ?, ?)""")
			.params(id, patientId, UUID.randomUUID(), request.serviceDate(), line.codeSystem(), line.code(),
					line.modifiers().toArray(String[]::new), line.description(), request.units(), line.priceMinor(),
					Math.multiplyExact(line.priceMinor(), (long) request.units()), schedule.currency(),
					this.diagnoses.all(patientId).stream().limit(12).toArray(String[]::new), schedule.version(),
					"Added by hand: " + request.reason().strip(), Timestamp.from(now), Timestamp.from(now),
					this.currentUser.require().id(), request.renderingClinicianId())
			.update();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "Charge", id.toString())
			.patient(patientId)
			.category(DataCategory.ADMINISTRATION)
			.detail("manual " + line.code() + " x" + request.units()));
		return this.jdbc.sql("select * from billing.charge where id = ?").param(id).query(ChargeRows::of).single();
	}

}
