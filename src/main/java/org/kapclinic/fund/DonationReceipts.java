package org.kapclinic.fund;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.notification.OutgoingMail.Attachment;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.PdfDocuments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * A donation's receipt as a PDF (issue 20): its number, the donor's name (even when they
 * asked not to be named in reports: the receipt is theirs), amount, date, method, what it
 * was given for, and the acknowledgement the jurisdiction asks for
 * ({@code kap.fund.receipt-statement}). Attached to the receipt e-mail and downloadable
 * by fund staff.
 */
@Component
public class DonationReceipts {

	private final JdbcClient jdbc;

	private final FundSettings settings;

	private final PdfDocuments pdf;

	DonationReceipts(JdbcClient jdbc, FundSettings settings, PdfDocuments pdf) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.pdf = pdf;
	}

	/** The receipt of a recorded donation. */
	@PreAuthorize("hasAnyRole('ADMIN', 'BILLING', 'FUND_COMMITTEE')")
	public byte[] pdf(UUID donationId) {
		Map<String, Object> receipt = this.jdbc.sql("""
				select receipt_number, donor_name, amount_minor, received_on, method, restriction
				from fund.donation where id = ?""")
			.param(donationId)
			.query((rs, n) -> Map.<String, Object>of("number", rs.getLong("receipt_number"), "donor",
					rs.getString("donor_name"), "amount",
					org.kapclinic.shared.Money.format(rs.getLong("amount_minor"), this.settings.currency()),
					"receivedOn", rs.getObject("received_on", java.time.LocalDate.class).toString(), "method",
					DonationMethod.valueOf(rs.getString("method")).label(), "restriction",
					new Restriction(rs.getString("restriction")).label()))
			.optional()
			.orElseThrow(() -> new NotFoundException("Donation", donationId));
		return this.pdf.render("fund/receipt-pdf",
				Map.of("receipt", receipt, "statement", this.settings.receiptStatement()));
	}

	/** The receipt as an e-mail attachment. */
	List<Attachment> attachment(Donation donation) {
		return List
			.of(new Attachment("receipt-" + donation.receiptNumber() + ".pdf", "application/pdf", pdf(donation.id())));
	}

}
