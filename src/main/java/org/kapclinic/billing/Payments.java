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
import org.kapclinic.fund.FundAwards;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments and refunds (issue 20), recorded by billing staff. A payment never exceeds the
 * invoice's balance and a refund never exceeds what is left of its payment: both are
 * checked with the invoice's row locked, so two clerks at once cannot overpay it. A
 * payment from the access fund spends the award in the same transaction.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('ADMIN', 'BILLING')")
public class Payments {

	/**
	 * {@code {"invoiceId","amountMinor","method","reference","receivedOn","fundAwardId"}}.
	 */
	public record PaymentRequest(UUID invoiceId, Long amountMinor, PaymentMethod method, String reference,
			LocalDate receivedOn, UUID fundAwardId) {
	}

	/** {@code {"amountMinor","reason"}}. */
	public record RefundRequest(Long amountMinor, String reason) {
	}

	private final JdbcClient jdbc;

	private final Invoices invoices;

	private final InvoiceRows rows;

	private final FundAwards awards;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	Payments(JdbcClient jdbc, Invoices invoices, InvoiceRows rows, FundAwards awards, CurrentUser currentUser,
			AuditTrail audit, ClinicTime clinicTime, Clock clock) {
		this.jdbc = jdbc;
		this.invoices = invoices;
		this.rows = rows;
		this.awards = awards;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	public Payment record(PaymentRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.invoiceId() == null) {
			problems.add(new FieldProblem("invoiceId", "the invoice paid"));
		}
		if (request.amountMinor() == null || request.amountMinor() <= 0) {
			problems.add(new FieldProblem("amountMinor", "the amount in minor units (cents), more than 0"));
		}
		if (request.method() == null) {
			problems.add(new FieldProblem("method", "CASH, CARD_TERMINAL, CHECK, TRANSFER or FUND_AWARD"));
		}
		if ((request.method() == PaymentMethod.FUND_AWARD) != (request.fundAwardId() != null)) {
			problems.add(new FieldProblem("fundAwardId", "the award paid from, with method FUND_AWARD only"));
		}
		if (request.reference() != null && request.reference().length() > 200) {
			problems.add(new FieldProblem("reference", "at most 200 characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.invoices.lock(request.invoiceId());
		Invoice invoice = this.rows.find(request.invoiceId()).orElseThrow();
		if (invoice.voided()) {
			throw new RuleViolationException(
					"This invoice is voided: record the payment on the patient's current " + "invoice.",
					List.of("INVOICE_VOIDED"));
		}
		if (request.amountMinor() > invoice.balanceMinor()) {
			throw new RuleViolationException(
					"That is more than the balance of " + invoice.balance() + ": record at most the balance.",
					List.of("MORE_THAN_BALANCE"));
		}
		UUID id = UUID.randomUUID();
		if (request.method() == PaymentMethod.FUND_AWARD) {
			this.awards.draw(request.fundAwardId(), invoice.patientId(), request.amountMinor(), invoice.currency(), id,
					sessionsBilled(invoice.id()));
		}
		insert(id, invoice, "PAYMENT", request.method(), request.amountMinor(), request.reference(),
				request.fundAwardId(), null, null, request.receivedOn());
		return find(id);
	}

	public Payment refund(UUID paymentId, RefundRequest request) {
		Payment payment = find(paymentId);
		List<FieldProblem> problems = new ArrayList<>();
		if (request.amountMinor() == null || request.amountMinor() <= 0) {
			problems.add(new FieldProblem("amountMinor", "the amount refunded in minor units, more than 0"));
		}
		if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 1000) {
			problems.add(new FieldProblem("reason", "why the money is returned, 1–1000 characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (payment.refund()) {
			throw new RuleViolationException("This is a refund; refund the payment itself.", List.of("NOT_A_PAYMENT"));
		}
		if (payment.method() == PaymentMethod.FUND_AWARD) {
			throw new RuleViolationException("Money paid from the access fund is not refunded to the patient: ask "
					+ "the fund committee to adjust the award.", List.of("FUND_PAYMENT"));
		}
		Invoice invoice = this.invoices.find(payment.invoiceId());
		this.invoices.lock(invoice.id());
		long refunded = this.jdbc.sql("select coalesce(sum(amount_minor), 0) from billing.payment where refund_of = ?")
			.param(paymentId)
			.query(Long.class)
			.single();
		if (request.amountMinor() > payment.amountMinor() - refunded) {
			throw new RuleViolationException(
					"Only " + org.kapclinic.shared.Money.format(payment.amountMinor() - refunded, payment.currency())
							+ " of this payment is left to refund.",
					List.of("MORE_THAN_PAID"));
		}
		UUID id = UUID.randomUUID();
		insert(id, invoice, "REFUND", payment.method(), request.amountMinor(), payment.reference(), null, paymentId,
				request.reason().strip(), null);
		return find(id);
	}

	private void insert(UUID id, Invoice invoice, String kind, PaymentMethod method, long amountMinor, String reference,
			UUID award, UUID refundOf, String reason, LocalDate receivedOn) {
		LocalDate day = (receivedOn != null) ? receivedOn : this.clinicTime.today(this.clock);
		this.jdbc
			.sql("""
					insert into billing.payment (id, invoice_id, patient_id, kind, method, amount_minor, currency, reference,
					    fund_award, refund_of, reason, received_on, recorded_at, recorded_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, invoice.id(), invoice.patientId(), kind, method.name(), amountMinor, invoice.currency(),
					(reference == null) ? null : reference.strip(), award, refundOf, reason, day,
					Timestamp.from(Instant.now(this.clock)), this.currentUser.require().id())
			.update();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "Payment", id.toString())
			.patient(invoice.patientId())
			.category(DataCategory.ADMINISTRATION)
			.detail(kind.toLowerCase(java.util.Locale.ROOT) + " " + amountMinor + " " + invoice.currency()
					+ " on invoice " + invoice.number()));
	}

	/** The dosing sessions an invoice bills, for an award of a course's sessions. */
	private List<FundAwards.FundedSession> sessionsBilled(UUID invoiceId) {
		return this.jdbc.sql("""
				select distinct source_id, course_id from billing.charge
				where invoice_id = ? and source_kind = 'DOSING_SESSION' and status = 'POSTED'""")
			.param(invoiceId)
			.query((rs, n) -> new FundAwards.FundedSession(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list();
	}

	private Payment find(UUID id) {
		return this.jdbc.sql("select * from billing.payment where id = ?")
			.param(id)
			.query(InvoiceRows::payment)
			.optional()
			.orElseThrow(() -> new NotFoundException("Payment", id));
	}

}
