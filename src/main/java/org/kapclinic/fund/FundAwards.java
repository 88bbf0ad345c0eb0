package org.kapclinic.fund;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.kapclinic.intake.RecordedDiagnoses;
import org.kapclinic.scheduling.CoursePrograms;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.Money;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Awards spent on care (issue 20): billing pays a patient's invoice from an award. A draw
 * must be for the award's own patient, fit its restriction as the patient's programs and
 * diagnoses stand today, and not exceed what is left of it; draws of one award queue on
 * its row, so two payments at once cannot spend it twice. An award of sessions pays only
 * for its course's sessions, each counted once, up to the number awarded.
 */
@Service
@Transactional
public class FundAwards {

	/**
	 * An award with what is left of it, for the payment form.
	 *
	 * @param sessionsAwarded for an award of sessions, how many (null for an amount)
	 * @param sessionsLeft of those, how many are not paid for yet
	 */
	public record Available(UUID awardId, String restriction, long awardedMinor, long remainingMinor, String remaining,
			Integer sessionsAwarded, Integer sessionsLeft) {

		/** "Unrestricted: $400.00 left, 3 of 6 sessions". */
		public String label() {
			return this.restriction + ": " + this.remaining + " left" + ((this.sessionsAwarded != null)
					? ", " + this.sessionsLeft + " of " + this.sessionsAwarded + " sessions" : "");
		}

	}

	/** A dosing session on the invoice paid, with its course (null if none). */
	public record FundedSession(UUID sessionId, UUID courseId) {
	}

	private final JdbcClient jdbc;

	private final FundLedger ledger;

	private final FundSettings settings;

	private final CoursePrograms programs;

	private final RecordedDiagnoses diagnoses;

	private final AwardSessions sessions;

	private final Clock clock;

	FundAwards(JdbcClient jdbc, FundLedger ledger, FundSettings settings, CoursePrograms programs,
			RecordedDiagnoses diagnoses, AwardSessions sessions, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.settings = settings;
		this.programs = programs;
		this.diagnoses = diagnoses;
		this.sessions = sessions;
		this.clock = clock;
	}

	/** The patient's awards with money left, oldest first. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN', 'BILLING', 'FUND_COMMITTEE')")
	public List<Available> available(UUID patientId) {
		if (patientId == null) {
			throw org.kapclinic.shared.InvalidInputException.of("patientId", "the patient whose awards to list");
		}
		return this.jdbc.sql("""
				select a.id, a.award_restriction, a.award_minor, a.award_sessions,
				       a.award_minor - coalesce((select sum(d.amount_minor) from fund.award_draw d
				                                 where d.application_id = a.id), 0) as remaining,
				       a.award_sessions - (select count(*)::int from fund.award_session s
				                           where s.application_id = a.id) as sessions_left
				from fund.application a where a.patient_id = ? and a.status = 'AWARDED' order by a.decided_at""")
			.param(patientId)
			.query((rs, n) -> new Available(rs.getObject("id", UUID.class),
					new Restriction(rs.getString("award_restriction")).label(), rs.getLong("award_minor"),
					rs.getLong("remaining"), Money.format(rs.getLong("remaining"), this.settings.currency()),
					(Integer) rs.getObject("award_sessions"), (Integer) rs.getObject("sessions_left")))
			.list()
			.stream()
			.filter((a) -> a.remainingMinor() > 0 && (a.sessionsLeft() == null || a.sessionsLeft() > 0))
			.toList();
	}

	/**
	 * Spends {@code amountMinor} of an award on a billing payment, or refuses with
	 * nothing written: 404 for another patient's award, 422 when the restriction no
	 * longer fits or an award of sessions finds none of its course on the invoice, 409
	 * INSUFFICIENT_AWARD when less is left (money or sessions).
	 * @param sessions the dosing sessions billed on the invoice paid
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'BILLING')")
	public void draw(UUID awardId, UUID patientId, long amountMinor, String currency, UUID paymentId,
			List<FundedSession> sessions) {
		var award = this.jdbc.sql("""
				select patient_id, award_restriction, award_minor, award_sessions, award_course from fund.application
				where id = ? and status = 'AWARDED' for update""")
			.param(awardId)
			.query((rs,
					n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getObject(4),
							rs.getObject(5, UUID.class) })
			.optional()
			.filter((row) -> patientId.equals(row[0]))
			.orElseThrow(() -> new NotFoundException("FundAward", awardId));
		Restriction restriction = new Restriction((String) award[1]);
		if (!this.settings.currency().equals(currency)) {
			throw new RuleViolationException("The fund pays in " + this.settings.currency() + ", not " + currency
					+ ": record this payment another way.", List.of("CURRENCY"));
		}
		if (!restriction.equals(Restriction.UNRESTRICTED)
				&& !restriction.fits(this.programs.of(patientId), this.diagnoses.all(patientId))) {
			throw new RuleViolationException(
					"The " + restriction.label() + " award no longer fits this patient's care; ask the fund committee.",
					List.of("RESTRICTION_DOES_NOT_FIT"));
		}
		long drawn = this.jdbc
			.sql("select coalesce(sum(amount_minor), 0) from fund.award_draw where application_id = ?")
			.param(awardId)
			.query(Long.class)
			.single();
		long remaining = (long) award[2] - drawn;
		if (amountMinor > remaining) {
			throw new ConflictException(
					"Only " + Money.format(remaining, currency)
							+ " is left of this award: pay that much from it and the rest another way.",
					"FundAward", awardId)
				.with("code", "INSUFFICIENT_AWARD")
				.with("remainingMinor", remaining);
		}
		Instant now = Instant.now(this.clock);
		if (award[3] != null) {
			this.sessions.count(awardId, (Integer) award[3], (UUID) award[4], sessions, paymentId, now);
		}
		this.jdbc.sql("""
				insert into fund.award_draw (id, application_id, patient_id, amount_minor, payment_id, at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), awardId, patientId, amountMinor, paymentId, Timestamp.from(now))
			.update();
		this.ledger.draw(paymentId, restriction, amountMinor, currency, now);
	}

}
