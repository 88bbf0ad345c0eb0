package org.kapclinic.fund;

import org.kapclinic.shared.Money;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.kapclinic.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The fund's double-entry ledger (issue 20, V101). A donation debits CASH and credits the
 * restriction's FUND account; an award debits FUND and credits AWARDS (what the fund owes
 * the patient's invoices). Each transaction's entries sum to zero. The restriction's
 * balance is kept with its entries in the same transaction, and an award moves it only
 * where it stays at or above zero: one conditional update, so of concurrent awards
 * exactly those that fit succeed (a row lock orders them; PostgreSQL re-checks the
 * condition on the row each one finds).
 */
@Component
class FundLedger {

	private final JdbcClient jdbc;

	FundLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A restriction's balance, in the fund's minor units and in words ("$1,250.00"). */
	public record Balance(String restriction, String label, String currency, long balanceMinor, String balance) {
	}

	void donation(UUID donationId, Restriction restriction, long amountMinor, String currency, Instant at) {
		this.jdbc
			.sql("""
					insert into fund.restriction (code, currency, balance_minor) values (?, ?, ?)
					on conflict (code) do update set balance_minor = fund.restriction.balance_minor + excluded.balance_minor""")
			.params(restriction.code(), currency, amountMinor)
			.update();
		entries("DONATION", donationId, restriction, amountMinor, currency, at, "CASH", "FUND");
	}

	/**
	 * Spends {@code amountMinor} of the restriction on an award, or refuses (409
	 * INSUFFICIENT_FUNDS) with nothing written when its balance does not cover it.
	 */
	void award(UUID applicationId, Restriction restriction, long amountMinor, String currency, Instant at) {
		// The entries first, the balance last: its row lock is then held only until the
		// commit.
		entries("AWARD", applicationId, restriction, amountMinor, currency, at, "FUND", "AWARDS");
		int moved = this.jdbc.sql("""
				update fund.restriction set balance_minor = balance_minor - ?
				where code = ? and currency = ? and balance_minor >= ?""")
			.params(amountMinor, restriction.code(), currency, amountMinor)
			.update();
		if (moved == 0) {
			long balance = this.jdbc.sql("select balance_minor from fund.restriction where code = ?")
				.param(restriction.code())
				.query(Long.class)
				.optional()
				.orElse(0L);
			// Thrown inside the caller's transaction: the entries above roll back with
			// it.
			throw new ConflictException(
					"The " + restriction.label() + " fund holds " + Money.format(balance, currency)
							+ ", less than the award; award less or from another restriction.",
					"FundRestriction", restriction.code())
				.with("code", "INSUFFICIENT_FUNDS")
				.with("balanceMinor", balance);
		}
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
				select code, currency, balance_minor from fund.restriction
				order by code <> 'UNRESTRICTED', code""")
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
