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
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices (issue 20): one per visit or per period (a monthly statement), gathering the
 * patient's posted charges not yet invoiced; the sliding-scale discount in force is taken
 * once on the subtotal. An invoice is voided with a reason, never deleted, and only when
 * nothing remains paid on it; voiding frees its charges for a new invoice.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('ADMIN', 'BILLING')")
public class Invoices {

	private static final String RESOURCE = "Invoice";

	/** {@code {"from","to"}}: the service dates to gather (one day for a visit). */
	public record InvoiceRequest(LocalDate from, LocalDate to) {
	}

	private final JdbcClient jdbc;

	private final InvoiceRows rows;

	private final SlidingScales slidingScales;

	private final Patients patients;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	Invoices(JdbcClient jdbc, InvoiceRows rows, SlidingScales slidingScales, Patients patients, CurrentUser currentUser,
			AuditTrail audit, ClinicTime clinicTime, Clock clock) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.slidingScales = slidingScales;
		this.patients = patients;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	public Invoice issue(UUID patientId, InvoiceRequest request) {
		if (this.patients.names(List.of(patientId)).isEmpty()) {
			throw new NotFoundException("Patient", patientId);
		}
		if (request == null || request.from() == null || request.to() == null
				|| request.to().isBefore(request.from())) {
			throw new InvalidInputException(
					List.of(new FieldProblem("to", "the service dates to invoice: from, then to on or after it")));
		}
		// Locked: a second invoice issued at the same moment cannot take the same lines.
		List<Charge> lines = this.jdbc.sql("""
				select * from billing.charge where patient_id = ? and status = 'POSTED' and invoice_id is null
				    and service_date between ? and ? order by service_date, code for update""")
			.params(patientId, request.from(), request.to())
			.query(ChargeRows::of)
			.list();
		if (lines.isEmpty()) {
			throw new RuleViolationException(
					"There are no posted charges to invoice between " + request.from() + " and " + request.to()
							+ ": post the proposed charges first, or choose other dates.",
					List.of("NO_POSTED_CHARGES"));
		}
		List<String> currencies = lines.stream().map(Charge::currency).distinct().toList();
		if (currencies.size() > 1) {
			throw new RuleViolationException(
					"The charges are in " + currencies + ": invoice each currency's dates separately.",
					List.of("MIXED_CURRENCIES"));
		}
		LocalDate today = this.clinicTime.today(this.clock);
		long subtotal = InvoiceMath.sum(lines.stream().map(Charge::amountMinor).toList());
		var scale = this.slidingScales.inForce(patientId, today);
		int percent = scale.map(SlidingScale::discountPercent).orElse(0);
		long discount = InvoiceMath.discount(subtotal, percent);
		String note = scale.filter((s) -> s.discountPercent() > 0)
			.map((s) -> "Sliding scale tier " + s.tier() + ": " + s.discountPercent() + "% (" + s.povertyPercent()
					+ "% of the " + s.guidelineYear() + " poverty guideline; until " + s.expiresOn() + ")")
			.orElse(null);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into billing.invoice (id, patient_id, issued_on, period_from, period_to, currency,
				    subtotal_minor, discount_minor, total_minor, discount_note, issued_at, issued_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, today, request.from(), request.to(), currencies.get(0), subtotal, discount,
					subtotal - discount, note, Timestamp.from(Instant.now(this.clock)), this.currentUser.require().id())
			.update();
		this.jdbc.sql("update billing.charge set invoice_id = ? where id = any(?)")
			.params(id, lines.stream().map(Charge::id).toArray(UUID[]::new))
			.update();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id.toString())
			.patient(patientId)
			.category(DataCategory.ADMINISTRATION)
			.detail("invoice of " + lines.size() + " charges, total " + (subtotal - discount)));
		return this.rows.find(id).orElseThrow();
	}

	/** The patient statement: the invoice, its lines and its payments. */
	@Transactional(readOnly = true)
	public Invoice find(UUID invoiceId) {
		Invoice invoice = this.rows.find(invoiceId).orElseThrow(() -> new NotFoundException(RESOURCE, invoiceId));
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, invoiceId.toString())
			.patient(invoice.patientId())
			.category(DataCategory.ADMINISTRATION));
		return invoice;
	}

	/** The patient's invoices (billing staff, or the patient on the portal). */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN', 'BILLING') or @selfAccess.is(#patientId)")
	public List<Invoice> forPatient(UUID patientId) {
		List<Invoice> invoices = this.rows.forPatient(patientId);
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.ADMINISTRATION)
			.detail("invoices: " + invoices.size()));
		return invoices;
	}

	public Invoice voidInvoice(UUID invoiceId, String reason) {
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw new InvalidInputException(
					List.of(new FieldProblem("reason", "why the invoice is voided, 1–1000 characters")));
		}
		lock(invoiceId);
		Invoice invoice = this.rows.find(invoiceId).orElseThrow();
		if (invoice.voided()) {
			throw new ConflictException("This invoice is already voided.", RESOURCE, invoiceId);
		}
		if (invoice.paidMinor() != 0) {
			throw new RuleViolationException("Money is still paid on this invoice (" + invoice.paid()
					+ "): refund the payments first, then void it.", List.of("PAID"));
		}
		this.jdbc.sql("update billing.invoice set voided_at = ?, voided_by = ?, void_reason = ? where id = ?")
			.params(Timestamp.from(Instant.now(this.clock)), this.currentUser.require().id(), reason.strip(), invoiceId)
			.update();
		this.jdbc.sql("""
				insert into billing.voided_invoice_line (invoice_id, charge_id)
				select invoice_id, id from billing.charge where invoice_id = ?""").param(invoiceId).update();
		this.jdbc.sql("update billing.charge set invoice_id = null where invoice_id = ?").param(invoiceId).update();
		this.audit.record(AuditEvent.of(AuditAction.VOID, RESOURCE, invoiceId.toString())
			.patient(invoice.patientId())
			.category(DataCategory.ADMINISTRATION)
			.detail("voided: " + reason.strip()));
		return this.rows.find(invoiceId).orElseThrow();
	}

	/** Locks the invoice's row: payments, refunds and voiding of one invoice queue. */
	void lock(UUID invoiceId) {
		this.jdbc.sql("select id from billing.invoice where id = ? for update")
			.param(invoiceId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException(RESOURCE, invoiceId));
	}

}
