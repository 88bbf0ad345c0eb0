package org.kapclinic.fund;

import org.kapclinic.shared.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.notification.OutgoingMail;
import org.kapclinic.shared.AddressRateLimiter;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.TooManyRequestsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pledges from the public {@code /donate} page (issue 20): anyone may offer a donation
 * (rate-limited per address, 5 an hour, and 200 an hour in all); the clinic records the
 * donation when the money arrives, which closes the pledge and sends the receipt.
 */
@Service
@Transactional
public class Pledges {

	private final JdbcClient jdbc;

	private final Donations donations;

	private final FundSettings settings;

	private final AuditTrail audit;

	private final Clock clock;

	private final AddressRateLimiter limiter = new AddressRateLimiter(5, 200, Duration.ofHours(1));

	Pledges(JdbcClient jdbc, Donations donations, FundSettings settings, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.donations = donations;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	/** An open pledge, for the staff list. */
	public record Pledge(UUID id, String donorName, String email, long amountMinor, String amount,
			String restrictionLabel, String message, Instant pledgedAt) {
	}

	/** A pledge from the public page; refused (429) past the address's allowance. */
	public UUID pledge(String donorName, String email, long amountMinor, String restriction, String message,
			String clientAddress) {
		List<FieldProblem> problems = new ArrayList<>();
		if (donorName == null || donorName.isBlank() || donorName.strip().length() > 200) {
			problems.add(new FieldProblem("donorName", "your name, for the receipt"));
		}
		if (!OutgoingMail.isAddress(email)) {
			problems.add(new FieldProblem("email", "an e-mail address, so the clinic can thank you"));
		}
		if (amountMinor <= 0 || amountMinor > 100_000_000L) {
			problems.add(new FieldProblem("amount", "an amount above 0"));
		}
		Restriction chosen = Restriction.parse(restriction)
			.filter((r) -> !r.code().startsWith("CONDITION:"))
			.orElse(null);
		if (chosen == null) {
			problems.add(new FieldProblem("restriction", "the general fund or one program"));
		}
		if (message != null && message.strip().length() > 1000) {
			problems.add(new FieldProblem("message", "at most 1000 characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!this.limiter.tryAcquire(clientAddress)) {
			throw new TooManyRequestsException("Too many pledges from this network; please try again later.",
					Duration.ofHours(1));
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into fund.pledge (id, donor_name, email, amount_minor, restriction, message, pledged_at, status)
				values (?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
			.params(id, donorName.strip(), email.strip(), amountMinor, chosen.code(),
					(message != null && !message.isBlank()) ? message.strip() : null,
					Timestamp.from(Instant.now(this.clock)))
			.update();
		return id;
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN', 'BILLING', 'FUND_COMMITTEE')")
	public List<Pledge> open() {
		return this.jdbc.sql("select * from fund.pledge where status = 'OPEN' order by pledged_at")
			.query((rs, n) -> new Pledge(rs.getObject("id", UUID.class), rs.getString("donor_name"),
					rs.getString("email"), rs.getLong("amount_minor"),
					Money.format(rs.getLong("amount_minor"), this.settings.currency()),
					new Restriction(rs.getString("restriction")).label(), rs.getString("message"),
					rs.getTimestamp("pledged_at").toInstant()))
			.list();
	}

	/**
	 * The pledged money arrived: recorded as a donation (with its receipt), the pledge
	 * closed.
	 */
	public Donation received(UUID pledgeId, LocalDate receivedOn, String method) {
		var row = this.jdbc.sql("select * from fund.pledge where id = ? and status = 'OPEN' for update")
			.param(pledgeId)
			.query((rs, n) -> new DonationRequest(rs.getString("donor_name"), false, rs.getString("email"),
					rs.getLong("amount_minor"), this.settings.currency(), rs.getString("restriction"), receivedOn,
					method))
			.optional()
			.orElseThrow(() -> new NotFoundException("Pledge", pledgeId));
		Donation donation = this.donations.record(row);
		if (this.jdbc
			.sql("update fund.pledge set status = 'RECEIVED', donation_id = ? where id = ? and status = 'OPEN'")
			.params(donation.id(), pledgeId)
			.update() == 0) {
			throw new ConflictException("This pledge was already received.", "Pledge", pledgeId);
		}
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "Pledge", pledgeId.toString())
			.category(DataCategory.ADMINISTRATION)
			.detail("pledge received as donation " + donation.receiptNumber()));
		return donation;
	}

}
