package org.kapclinic.fund;

import org.kapclinic.shared.Money;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.kapclinic.shared.ConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The fund's double-entry ledger (issue 20, V101). A donation debits CASH and credits the
 * restriction's FUND account; an award debits FUND and credits AWARDS (what the fund owes
 * the patient's invoices). Each transaction's entries sum to zero. The restriction's
 * balance is kept with its entries in the same transaction, and awards move it only where
 * it stays at or above zero: one conditional update, so of concurrent awards exactly
 * those that fit succeed (a row lock orders them; PostgreSQL re-checks the condition on
 * the row each one finds).
 */
@Component
class FundLedger {

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	FundLedger(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/** A restriction's balance, in the fund's minor units and in words ("$1,250.00"). */
	public record Balance(String restriction, String label, String currency, long balanceMinor, String balance) {
	}

	void donation(UUID donationId, Restriction restriction, long amountMinor, String currency, Instant at) {
		this.jdbc.sql("insert into fund.restriction (code, currency) values (?, ?) on conflict (code) do nothing")
			.params(restriction.code(), currency)
			.update();
		this.jdbc
			.sql("""
					insert into fund.restriction_balance (code, balance_minor) values (?, ?)
					on conflict (code) do update set balance_minor = fund.restriction_balance.balance_minor + excluded.balance_minor""")
			.params(restriction.code(), amountMinor)
			.update();
		entries("DONATION", donationId, restriction, amountMinor, currency, at, "CASH", "FUND");
	}

	/** An award's spending of its restriction's money. */
	record Spend(UUID applicationId, Restriction restriction, long amountMinor, String currency, Instant at) {
	}

	/**
	 * Spends each award's amount of its restriction, or refuses (409 INSUFFICIENT_FUNDS)
	 * when a restriction's balance does not cover its awards together; the caller's
	 * transaction then rolls back whatever this wrote.
	 */
	void awards(List<Spend> spends) {
		// The entries first, the balances last: their row locks are then held only until
		// the commit. Restrictions in code order, so two writers never lock in opposite
		// orders.
		List<Object[]> entries = new ArrayList<>(2 * spends.size());
		for (Spend s : spends) {
			UUID txn = UUID.randomUUID();
			Timestamp at = Timestamp.from(s.at());
			entries.add(new Object[] { txn, "AWARD", "FUND", s.restriction().code(), s.amountMinor(), s.currency(),
					s.applicationId(), at });
			entries.add(new Object[] { txn, "AWARD", "AWARDS", s.restriction().code(), -s.amountMinor(), s.currency(),
					s.applicationId(), at });
		}
		this.batches.batchUpdate(
				"""
						insert into fund.ledger_entry (txn_id, kind, account, restriction, amount_minor, currency, source_id, at)
						values (?, ?, ?, ?, ?, ?, ?, ?)""",
				entries);
		Map<String, List<Spend>> byRestriction = new TreeMap<>(
				spends.stream().collect(Collectors.groupingBy((s) -> s.restriction().code() + " " + s.currency())));
		for (List<Spend> group : byRestriction.values()) {
			Spend first = group.get(0);
			long total = group.stream().mapToLong(Spend::amountMinor).reduce(0, Math::addExact);
			int moved = this.jdbc.sql("""
					update fund.restriction_balance b set balance_minor = b.balance_minor - ?
					from fund.restriction r
					where b.code = ? and r.code = b.code and r.currency = ? and b.balance_minor >= ?""")
				.params(total, first.restriction().code(), first.currency(), total)
				.update();
			if (moved == 0) {
				throw insufficient(first.restriction(), first.currency());
			}
		}
	}

	private ConflictException insufficient(Restriction restriction, String currency) {
		long balance = this.jdbc.sql("select balance_minor from fund.restriction_balance where code = ?")
			.param(restriction.code())
			.query(Long.class)
			.optional()
			.orElse(0L);
		return new ConflictException(
				"The " + restriction.label() + " fund holds " + Money.format(balance, currency)
						+ ", less than the award; award less or from another restriction.",
				"FundRestriction", restriction.code())
			.with("code", "INSUFFICIENT_FUNDS")
			.with("balanceMinor", balance);
	}

	/**
	 * Part of an award paid to the patient's invoice: from AWARDS (owed to the patient's
	 * care) to PAID. The restriction's balance does not move: the award already took it.
	 */
	void draw(UUID paymentId, Restriction restriction, long amountMinor, String currency, Instant at) {
		entries("DRAW", paymentId, restriction, amountMinor, currency, at, "AWARDS", "PAID");
	}

	/** Every restriction's balance, unrestricted first. */
	List<Balance> balances() {
		return this.jdbc.sql("""
				select r.code, r.currency, coalesce(b.balance_minor, 0) as balance_minor
				from fund.restriction r left join fund.restriction_balance b on b.code = r.code
				order by r.code <> 'UNRESTRICTED', r.code""")
			.query((rs, n) -> new Balance(rs.getString("code"), new Restriction(rs.getString("code")).label(),
					rs.getString("currency"), rs.getLong("balance_minor"),
					Money.format(rs.getLong("balance_minor"), rs.getString("currency"))))
			.list();
	}

	/**
	 * Two entries that sum to zero: {@code debit} gains the amount, {@code credit} gives
	 * it.
	 */
	private void entries(String kind, UUID source, Restriction restriction, long amountMinor, String currency,
			Instant at, String debit, String credit) {
		UUID txn = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into fund.ledger_entry (txn_id, kind, account, restriction, amount_minor, currency, source_id, at)
					values (:txn, :kind, :debit, :restriction, :amount, :currency, :source, :at),
					       (:txn, :kind, :credit, :restriction, -:amount, :currency, :source, :at)""")
			.param("txn", txn)
			.param("kind", kind)
			.param("debit", debit)
			.param("credit", credit)
			.param("restriction", restriction.code())
			.param("amount", amountMinor)
			.param("currency", currency)
			.param("source", source)
			.param("at", Timestamp.from(at))
			.update();
	}

}
