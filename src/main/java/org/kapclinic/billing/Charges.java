package org.kapclinic.billing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewing charges (issue 20): billing staff post the proposed lines or void them with a
 * reason; nothing is deleted. Clinicians who may see the patient read the charges; only
 * billing staff and administrators change them.
 */
@Service
@Transactional
public class Charges {

	private static final String RESOURCE = "Charge";

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final CareTeamAccess access;

	private final AuditTrail audit;

	private final Clock clock;

	Charges(JdbcClient jdbc, CurrentUser currentUser, CareTeamAccess access, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** A patient's charges, newest service first (voided ones included, marked). */
	@Transactional(readOnly = true)
	public List<Charge> forPatient(UUID patientId) {
		StaffMember user = this.currentUser.require();
		if (!user.has(Role.BILLING) && !user.has(Role.ADMIN)) {
			this.access.requireClinical(patientId);
		}
		List<Charge> charges = this.jdbc
			.sql("select * from billing.charge where patient_id = ? order by service_date desc, code")
			.param(patientId)
			.query(ChargeRows::of)
			.list();
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.ADMINISTRATION)
			.detail("charges: " + charges.size()));
		return charges;
	}

	/** The proposed lines waiting for review, oldest service first. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN', 'BILLING')")
	public List<Charge> proposed(int limit) {
		List<Charge> charges = this.jdbc.sql(
				"select * from billing.charge where status = 'PROPOSED' order by service_date, patient_id, code limit ?")
			.param(limit)
			.query(ChargeRows::of)
			.list();
		this.audit.record(AuditEvent.of(AuditAction.QUERY, RESOURCE, null)
			.patients(charges.stream().map(Charge::patientId).distinct().toList())
			.category(DataCategory.ADMINISTRATION)
			.detail("proposed charges: " + charges.size()));
		return charges;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'BILLING')")
	public Charge post(UUID chargeId) {
		Charge charge = find(chargeId);
		int posted = this.jdbc.sql("""
				update billing.charge set status = 'POSTED', posted_at = ?, posted_by = ?
				where id = ? and status = 'PROPOSED'""")
			.params(Timestamp.from(Instant.now(this.clock)), this.currentUser.require().id(), chargeId)
			.update();
		if (posted == 0) {
			throw new ConflictException("This charge is " + charge.status().label().toLowerCase(java.util.Locale.ROOT)
					+ ", not proposed: only a proposed charge is posted.", RESOURCE, chargeId);
		}
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, chargeId.toString())
			.patient(charge.patientId())
			.category(DataCategory.ADMINISTRATION)
			.detail("posted " + charge.code() + " x" + charge.units()));
		return find(chargeId);
	}

	/**
	 * Posts every proposed charge with a service date in the period (a month's review
	 * done at once); answers how many.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'BILLING')")
	public int postAll(LocalDate from, LocalDate to) {
		if (from == null || to == null || to.isBefore(from)) {
			throw new InvalidInputException(List.of(new FieldProblem("to", "a period: from, then to on or after it")));
		}
		List<UUID> patients = this.jdbc.sql("""
				update billing.charge set status = 'POSTED', posted_at = ?, posted_by = ?
				where status = 'PROPOSED' and service_date between ? and ?
				returning patient_id""")
			.params(Timestamp.from(Instant.now(this.clock)), this.currentUser.require().id(), from, to)
			.query(UUID.class)
			.list();
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, null)
			.patients(patients.stream().distinct().limit(AuditEvent.MAX_PATIENT_IDS).toList())
			.category(DataCategory.ADMINISTRATION)
			.detail("posted " + patients.size() + " charges of " + from + " to " + to));
		return patients.size();
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'BILLING')")
	public Charge voidCharge(UUID chargeId, String reason) {
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw new InvalidInputException(
					List.of(new FieldProblem("reason", "why the charge is voided, 1–1000 characters")));
		}
		Charge charge = find(chargeId);
		if (charge.invoiceId() != null) {
			throw new ConflictException("This charge is on an invoice: void the invoice first, then the charge.",
					RESOURCE, chargeId);
		}
		int voided = this.jdbc.sql("""
				update billing.charge set status = 'VOIDED', voided_at = ?, voided_by = ?, void_reason = ?
				where id = ? and status <> 'VOIDED' and invoice_id is null""")
			.params(Timestamp.from(Instant.now(this.clock)), this.currentUser.require().id(), reason.strip(), chargeId)
			.update();
		if (voided == 0) {
			throw new ConflictException("This charge is already voided.", RESOURCE, chargeId);
		}
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, chargeId.toString())
			.patient(charge.patientId())
			.category(DataCategory.ADMINISTRATION)
			.detail("voided " + charge.code() + ": " + reason.strip()));
		return find(chargeId);
	}

	private Charge find(UUID id) {
		Charge charge = this.jdbc.sql("select * from billing.charge where id = ?")
			.param(id)
			.query(ChargeRows::of)
			.optional()
			.orElseThrow(() -> new NotFoundException(RESOURCE, id));
		StaffMember user = this.currentUser.require();
		if (!user.has(Role.BILLING) && !user.has(Role.ADMIN)) {
			throw new AccessDeniedException("billing staff only");
		}
		return charge;
	}

}
