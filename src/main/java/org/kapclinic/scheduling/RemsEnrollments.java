package org.kapclinic.scheduling;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spravato REMS patient enrollment, recorded before the first esketamine dose can be
 * booked (clinical.md 2.1: outpatient settings enroll the patient before the first dose).
 */
@Service
@Transactional
public class RemsEnrollments {

	private final JdbcClient jdbc;

	private final CareTeamAccess access;

	private final AuditTrail audit;

	private final Clock clock;

	RemsEnrollments(JdbcClient jdbc, CareTeamAccess access, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	public void record(UUID patientId, String enrollmentId, LocalDate enrolledOn) {
		StaffMember user = this.access.requireClinical(patientId);
		if (!(user.has(Role.PRESCRIBER) || user.has(Role.NURSE))) {
			throw new AccessDeniedException("Prescribers and nurses record REMS enrollment");
		}
		if (enrollmentId == null || enrollmentId.isBlank() || enrollmentId.length() > 60) {
			throw InvalidInputException.of("enrollmentId", "the REMS enrollment number (1–60 characters)");
		}
		if (enrolledOn == null || enrolledOn.isAfter(LocalDate.now(this.clock).plusDays(1))) {
			throw InvalidInputException.of("enrolledOn", "the enrollment date, not in the future");
		}
		this.jdbc
			.sql("""
					insert into scheduling.rems_enrollment (patient_id, enrollment_id, enrolled_on, recorded_at, recorded_by)
					values (?, ?, ?, ?, ?) on conflict (patient_id) do update set enrollment_id = excluded.enrollment_id,
					    enrolled_on = excluded.enrolled_on, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by""")
			.params(patientId, enrollmentId.trim(), enrolledOn, Timestamp.from(Instant.now(this.clock)), user.id())
			.update();
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "RemsEnrollment", patientId)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("enrolled " + enrolledOn));
	}

	/** The enrollment date, if recorded (no access check: used by the booking gate). */
	@Transactional(readOnly = true)
	public Optional<LocalDate> enrolledOn(UUID patientId) {
		return this.jdbc.sql("select enrolled_on from scheduling.rems_enrollment where patient_id = ?")
			.param(patientId)
			.query(LocalDate.class)
			.optional();
	}

}
