package org.kapclinic.fund;

import org.kapclinic.shared.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.notification.Outbox;
import org.kapclinic.notification.OutgoingMail;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Donations recorded by billing staff, administrators and the fund committee (issue 20):
 * each credits its restriction in the ledger and, when the donor gave an e-mail address,
 * queues a receipt (its PDF attached) through the outbox in the same transaction.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('ADMIN', 'BILLING', 'FUND_COMMITTEE')")
public class Donations {

	private final JdbcClient jdbc;

	private final FundLedger ledger;

	private final FundSettings settings;

	private final Outbox outbox;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	private final DonationReceipts receipts;

	Donations(JdbcClient jdbc, FundLedger ledger, FundSettings settings, Outbox outbox, CurrentUser currentUser,
			AuditTrail audit, ClinicTime clinicTime, Clock clock, DonationReceipts receipts) {
		this.receipts = receipts;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.settings = settings;
		this.outbox = outbox;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	public Donation record(DonationRequest request) {
		StaffMember user = this.currentUser.require();
		Restriction restriction = validate(request);
		UUID id = UUID.randomUUID();
		Instant now = Instant.now(this.clock);
		String email = (request.email() != null && !request.email().isBlank()) ? request.email().strip() : null;
		this.ledger.donation(id, restriction, request.amountMinor(), this.settings.currency(), now);
		long receipt = this.jdbc.sql("""
				insert into fund.donation (id, donor_name, anonymous, email, amount_minor, currency, restriction,
				    received_on, method, recorded_at, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning receipt_number""")
			.params(id, request.donorName().strip(), Boolean.TRUE.equals(request.anonymous()), email,
					request.amountMinor(), this.settings.currency(), restriction.code(), request.receivedOn(),
					request.method(), Timestamp.from(now), user.id())
			.query(Long.class)
			.single();
		Donation donation = view(id, receipt, request.donorName().strip(), Boolean.TRUE.equals(request.anonymous()),
				request.amountMinor(), restriction, request.receivedOn(), DonationMethod.valueOf(request.method()));
		if (email != null) {
			this.outbox.enqueue(new OutgoingMail("fund-receipt:" + id, email, "Your donation receipt no. " + receipt,
					receiptText(donation), null, this.receipts.attachment(donation)));
		}
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "Donation", id.toString())
			.category(DataCategory.ADMINISTRATION)
			.detail("donation " + request.amountMinor() + " " + restriction.code()));
		return donation;
	}

	/** The latest donations, newest first (anonymous donors unnamed). */
	@Transactional(readOnly = true)
	public List<Donation> latest(int limit) {
		return this.jdbc.sql("select * from fund.donation order by received_on desc, receipt_number desc limit ?")
			.param(limit)
			.query((rs, n) -> view(rs.getObject("id", UUID.class), rs.getLong("receipt_number"),
					rs.getBoolean("anonymous") ? "Anonymous" : rs.getString("donor_name"), rs.getBoolean("anonymous"),
					rs.getLong("amount_minor"), new Restriction(rs.getString("restriction")),
					rs.getObject("received_on", java.time.LocalDate.class),
					DonationMethod.valueOf(rs.getString("method"))))
			.list();
	}

	private Donation view(UUID id, long receipt, String donor, boolean anonymous, long amountMinor,
			Restriction restriction, java.time.LocalDate receivedOn, DonationMethod method) {
		return new Donation(id, receipt, donor, anonymous, amountMinor, this.settings.currency(),
				Money.format(amountMinor, this.settings.currency()), restriction.code(), restriction.label(),
				receivedOn, method.name(), method.label());
	}

	/**
	 * The receipt's words: amount, date, restriction, and the clinic's acknowledgement
	 * ({@code kap.fund.receipt-statement}).
	 */
	private String receiptText(Donation donation) {
		return "Thank you, " + donation.donorName() + ".\n\nReceipt no. " + donation.receiptNumber() + "\nReceived on "
				+ donation.receivedOn() + ": " + donation.amount() + " (" + donation.methodLabel() + ")\nFor: "
				+ donation.restrictionLabel() + " access fund\n\n" + this.settings.receiptStatement() + "\n";
	}

	private Restriction validate(DonationRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.donorName() == null || request.donorName().isBlank()
				|| request.donorName().strip().length() > 200) {
			problems.add(new FieldProblem("donorName", "the donor's name, 1–200 characters (for the receipt)"));
		}
		if (request.amountMinor() == null || request.amountMinor() <= 0) {
			problems.add(new FieldProblem("amountMinor", "the amount in cents, above 0"));
		}
		if (request.currency() != null && !request.currency().equals(this.settings.currency())) {
			problems.add(new FieldProblem("currency", "the fund keeps " + this.settings.currency() + " only"));
		}
		Restriction restriction = Restriction.parse(request.restriction()).orElse(null);
		if (restriction == null) {
			problems.add(new FieldProblem("restriction", Restriction.expected()));
		}
		if (request.receivedOn() == null || request.receivedOn().isAfter(this.clinicTime.today(this.clock))) {
			problems.add(new FieldProblem("receivedOn", "the day it was received, not in the future"));
		}
		if (request.method() == null
				|| Arrays.stream(DonationMethod.values()).noneMatch((m) -> m.name().equals(request.method()))) {
			problems.add(new FieldProblem("method", "one of " + Arrays.toString(DonationMethod.values())));
		}
		if (request.email() != null && !request.email().isBlank() && !OutgoingMail.isAddress(request.email())) {
			problems.add(new FieldProblem("email", "an e-mail address for the receipt, or leave it out"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return restriction;
	}

}
