package org.kapclinic.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads invoices with their lines and payments, and each one's paid amount. */
@Component
class InvoiceRows {

	private static final String WITH_PAID = """
			select i.*, coalesce((select sum(case p.kind when 'PAYMENT' then p.amount_minor else -p.amount_minor end)
			                      from billing.payment p where p.invoice_id = i.id), 0) as paid_minor
			from billing.invoice i""";

	private final JdbcClient jdbc;

	InvoiceRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Invoice> find(UUID id) {
		return this.jdbc.sql(WITH_PAID + " where i.id = ?")
			.param(id)
			.query((rs, n) -> invoice(rs, lines(id), payments(id)))
			.optional();
	}

	/** A patient's invoices without their lines, newest first. */
	List<Invoice> forPatient(UUID patientId) {
		return this.jdbc.sql(WITH_PAID + " where i.patient_id = ? order by i.issued_on desc, i.number desc")
			.param(patientId)
			.query((rs, n) -> invoice(rs, List.of(), List.of()))
			.list();
	}

	/** Invoices not voided with money still owed, oldest first. */
	/** Invoices in {@code currency} with money still owed, oldest first. */
	List<Invoice> open(String currency) {
		return this.jdbc
			.sql("select * from (" + WITH_PAID + " where i.voided_at is null and i.currency = ?) o "
					+ "where o.total_minor > o.paid_minor order by o.issued_on")
			.param(currency)
			.query((rs, n) -> invoice(rs, List.of(), List.of()))
			.list();
	}

	List<Charge> lines(UUID invoiceId) {
		// A voided invoice's charges are free again: what it billed is kept beside it.
		return this.jdbc.sql("""
				select * from billing.charge where invoice_id = ?
				   or id in (select charge_id from billing.voided_invoice_line where invoice_id = ?)
				order by service_date, code""").params(invoiceId, invoiceId).query(ChargeRows::of).list();
	}

	List<Payment> payments(UUID invoiceId) {
		return this.jdbc.sql("select * from billing.payment where invoice_id = ? order by recorded_at")
			.param(invoiceId)
			.query(InvoiceRows::payment)
			.list();
	}

	static Payment payment(ResultSet rs, int n) throws SQLException {
		return new Payment(rs.getObject("id", UUID.class), rs.getObject("invoice_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getString("kind"),
				PaymentMethod.valueOf(rs.getString("method")), rs.getLong("amount_minor"), rs.getString("currency"),
				rs.getString("reference"), rs.getObject("fund_award", UUID.class),
				rs.getObject("refund_of", UUID.class), rs.getString("reason"),
				rs.getObject("received_on", LocalDate.class));
	}

	private static Invoice invoice(ResultSet rs, List<Charge> lines, List<Payment> payments) throws SQLException {
		boolean voided = rs.getTimestamp("voided_at") != null;
		long total = rs.getLong("total_minor");
		long paid = rs.getLong("paid_minor");
		return new Invoice(rs.getObject("id", UUID.class), rs.getLong("number"), rs.getObject("patient_id", UUID.class),
				rs.getObject("issued_on", LocalDate.class), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class), rs.getString("currency"), rs.getLong("subtotal_minor"),
				rs.getLong("discount_minor"), total, paid, voided ? 0 : total - paid, rs.getString("discount_note"),
				voided, rs.getString("void_reason"), lines, payments);
	}

}
