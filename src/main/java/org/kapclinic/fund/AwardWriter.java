package org.kapclinic.fund;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditTrail;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.GroupCommit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Stores the committee's decisions, those that arrive together in one transaction
 * ({@link GroupCommit}). Every award from a restriction moves its one balance row, so
 * awards queue on that row's lock from their update to their commit: one at a time, each
 * paying its own commit, was what kept the award path from its budget of 30 ms at 16
 * clients (issue 20). A batch moves each restriction's balance once by its awards' sum,
 * still only where the balance covers it; when it does not, or one of its applications
 * was decided meanwhile, the batch is written again one decision at a time, so exactly
 * the awards that fit succeed and each refusal reaches its own caller.
 */
@Component
class AwardWriter implements DisposableBean {

	private static final int MAX_BATCH = 64;

	/** A validated decision, with its audit row captured on the request's thread. */
	record Decision(UUID applicationId, String status, UUID decidedBy, String reason, Award award, Instant at,
			AuditTrail.Prepared audit) {
	}

	/** What an award spends: an amount, and for an award of sessions, which. */
	record Award(long amountMinor, Restriction restriction, String currency, Integer sessions, UUID courseId) {
	}

	private final JdbcTemplate jdbc;

	private final FundLedger ledger;

	private final AuditTrail audit;

	private final GroupCommit<Decision> commits;

	AwardWriter(JdbcTemplate jdbc, FundLedger ledger, AuditTrail audit, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.audit = audit;
		this.commits = new GroupCommit<>("fund-decisions", MAX_BATCH, transactions, this::store);
	}

	/** Stores the decision and returns once it is committed, or throws why it was not. */
	void write(Decision decision) {
		this.commits.submitAndWait(decision);
	}

	private void store(List<Decision> batch) {
		int[] decided = this.jdbc.batchUpdate("""
				update fund.application set status = ?, decided_at = ?, decided_by = ?, decision_reason = ?,
				    award_minor = ?, award_restriction = ?, award_sessions = ?, award_course = ?
				where id = ? and status = 'PENDING'""", batch.stream().map(AwardWriter::row).toList());
		for (int i = 0; i < decided.length; i++) {
			if (decided[i] == 0) {
				throw new ConflictException("This application was already decided.", "FundApplication",
						batch.get(i).applicationId());
			}
		}
		this.audit.append(batch.stream().map(Decision::audit).toList());
		List<FundLedger.Spend> spends = batch.stream()
			.filter((d) -> d.award() != null)
			.map((d) -> new FundLedger.Spend(d.applicationId(), d.award().restriction(), d.award().amountMinor(),
					d.award().currency(), d.at()))
			.toList();
		if (!spends.isEmpty()) {
			this.ledger.awards(spends);
		}
	}

	private static Object[] row(Decision d) {
		Award a = d.award();
		return new Object[] { d.status(), Timestamp.from(d.at()), d.decidedBy(), d.reason(),
				(a != null) ? a.amountMinor() : null, (a != null) ? a.restriction().code() : null,
				(a != null) ? a.sessions() : null, (a != null) ? a.courseId() : null, d.applicationId() };
	}

	@Override
	public void destroy() throws InterruptedException {
		this.commits.close();
	}

}
