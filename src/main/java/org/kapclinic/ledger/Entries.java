package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.identity.StaffMember;
import org.kapclinic.ledger.LedgerEntry.EntryKind;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads lots and appends entries to them. Every change of a balance goes through
 * {@link #append}, with the lot row locked by {@link #lock}: the balance is the last
 * entry's {@code balance_after_mg}, so two writers on one lot queue behind each other and
 * can never both spend the same milligrams.
 */
@Component
class Entries {

	private static final String LOTS = """
			select l.*, coalesce(e.balance_after_mg, 0) as balance_mg from ledger.lot l
			left join lateral (select balance_after_mg from ledger.entry where lot_id = l.id
			                   order by lot_seq desc limit 1) e on true""";

	private static final String ENTRIES = """
			select e.*, c.id as corrected_by from ledger.entry e
			left join ledger.entry c on c.corrects_entry_id = e.id""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Entries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A lot with its balance, the row locked until the transaction ends. */
	Optional<LotBalance> lock(UUID lotId) {
		Optional<UUID> locked = this.jdbc.sql("select id from ledger.lot where id = ? for update")
			.param(lotId)
			.query(UUID.class)
			.optional();
		return locked.flatMap(this::lot);
	}

	Optional<LotBalance> lot(UUID lotId) {
		return this.jdbc.sql(LOTS + " where l.id = ?").param(lotId).query((rs, n) -> lotBalance(rs)).optional();
	}

	/** The labels of these lots. */
	java.util.Map<UUID, LotLabel> labels(java.util.Collection<UUID> lotIds) {
		java.util.Map<UUID, LotLabel> labels = new java.util.HashMap<>();
		if (!lotIds.isEmpty()) {
			this.jdbc.sql("select id, ndc, lot_number, expiry from ledger.lot where id = any(?)")
				.param(lotIds.toArray(UUID[]::new))
				.query((rs, n) -> new LotLabel(rs.getObject("id", UUID.class), rs.getString("ndc"),
						rs.getString("lot_number"), rs.getObject("expiry", java.time.LocalDate.class)))
				.list()
				.forEach((label) -> labels.put(label.lotId(), label));
		}
		return labels;
	}

	/** Lots holding stock (or all lots), by product, expiry, lot. */
	List<LotBalance> lots(boolean includeEmpty) {
		String where = includeEmpty ? "" : " where coalesce(e.balance_after_mg, 0) > 0";
		return this.jdbc.sql(LOTS + where + " order by l.product, l.expiry, l.lot_number")
			.query((rs, n) -> lotBalance(rs))
			.list();
	}

	/** Lots holding stock whose expiry is on or after the day. */
	List<LotBalance> usableOn(LocalDate day) {
		return this.jdbc.sql(LOTS + """
				 where coalesce(e.balance_after_mg, 0) > 0 and l.expiry >= ?
				order by l.product, l.expiry, l.lot_number""").param(day).query((rs, n) -> lotBalance(rs)).list();
	}

	Optional<UUID> findLot(String ndc, String lotNumber, String location) {
		return this.jdbc.sql("select id from ledger.lot where ndc = ? and lot_number = ? and location = ?")
			.params(ndc, lotNumber, location)
			.query(UUID.class)
			.optional();
	}

	/**
	 * The lot kept at the location, created if it is new. Two first receipts of the same
	 * lot at once both land in it: the second insert waits for the first to commit and
	 * then does nothing, and the lookup after it sees the committed lot.
	 */
	UUID findOrCreateLot(Product product, String ndc, String lotNumber, LocalDate expiry, BigDecimal concentration,
			String location) {
		Optional<UUID> existing = findLot(ndc, lotNumber, location);
		if (existing.isPresent()) {
			return existing.get();
		}
		this.jdbc
			.sql("""
					insert into ledger.lot (id, product, ndc, lot_number, expiry, concentration_mg_per_ml, location, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (ndc, lot_number, location) do nothing""")
			.params(UUID.randomUUID(), product.name(), ndc, lotNumber, expiry, concentration, location, now())
			.update();
		return findLot(ndc, lotNumber, location).orElseThrow();
	}

	/**
	 * Appends an entry to a lot the caller has {@linkplain #lock locked}; refuses (422) a
	 * change that would take the balance below zero.
	 */
	LedgerEntry append(NewEntry entry) {
		Last last = this.jdbc
			.sql("select lot_seq, balance_after_mg from ledger.entry where lot_id = ? order by lot_seq desc limit 1")
			.param(entry.lotId())
			.query((rs, n) -> new Last(rs.getInt("lot_seq"), rs.getBigDecimal("balance_after_mg")))
			.optional()
			.orElse(new Last(0, BigDecimal.ZERO));
		BigDecimal after = last.balance().add(entry.quantityMg());
		if (after.signum() < 0) {
			throw new RuleViolationException("The lot holds " + plain(last.balance()) + " mg; "
					+ plain(entry.quantityMg().negate()) + " mg cannot be taken from it.",
					List.of("INSUFFICIENT_BALANCE"));
		}
		UUID id = UUID.randomUUID();
		StaffMember by = entry.recordedBy();
		StaffMember witness = entry.witness();
		this.jdbc.sql("""
				insert into ledger.entry (id, lot_id, lot_seq, kind, quantity_mg, balance_after_mg, occurred_at,
				    recorded_at, recorded_by, recorded_by_name, witness_id, witness_name, dosing_session_id,
				    patient_id, corrects_entry_id, discrepancy_id, reason)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, entry.lotId(), last.seq() + 1, entry.kind().name(), entry.quantityMg(), after,
					Timestamp.from(entry.occurredAt()), now(), (by != null) ? by.id() : null,
					(by != null) ? by.username() : "system", (witness != null) ? witness.id() : null,
					(witness != null) ? witness.username() : null, entry.dosingSessionId(), entry.patientId(),
					entry.correctsEntryId(), entry.discrepancyId(), entry.reason())
			.update();
		return find(id).orElseThrow();
	}

	Optional<LedgerEntry> find(UUID entryId) {
		return this.jdbc.sql(ENTRIES + " where e.id = ?").param(entryId).query((rs, n) -> entry(rs)).optional();
	}

	List<LedgerEntry> forLot(UUID lotId) {
		return this.jdbc.sql(ENTRIES + " where e.lot_id = ? order by e.lot_seq")
			.param(lotId)
			.query((rs, n) -> entry(rs))
			.list();
	}

	List<LedgerEntry> forSession(UUID dosingSessionId) {
		return this.jdbc.sql(ENTRIES + " where e.dosing_session_id = ? order by e.seq")
			.param(dosingSessionId)
			.query((rs, n) -> entry(rs))
			.list();
	}

	Timestamp now() {
		return Timestamp.from(Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS));
	}

	static String plain(BigDecimal mg) {
		return mg.stripTrailingZeros().toPlainString();
	}

	/**
	 * Without trailing zeros but never in exponent form (900, not 9E+2), so JSON shows
	 * plain numbers.
	 */
	static BigDecimal mg(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	static LotBalance lotBalance(ResultSet rs) throws SQLException {
		return new LotBalance(rs.getObject("id", UUID.class), rs.getString("product"), rs.getString("ndc"),
				rs.getString("lot_number"), rs.getObject("expiry", LocalDate.class),
				mg(rs.getBigDecimal("concentration_mg_per_ml")), rs.getString("location"),
				mg(rs.getBigDecimal("balance_mg")));
	}

	private static LedgerEntry entry(ResultSet rs) throws SQLException {
		return new LedgerEntry(rs.getObject("id", UUID.class), rs.getObject("lot_id", UUID.class), rs.getInt("lot_seq"),
				EntryKind.valueOf(rs.getString("kind")), mg(rs.getBigDecimal("quantity_mg")),
				mg(rs.getBigDecimal("balance_after_mg")), rs.getTimestamp("occurred_at").toInstant(),
				rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by_name"),
				rs.getString("witness_name"), rs.getObject("dosing_session_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getObject("corrects_entry_id", UUID.class),
				rs.getObject("corrected_by", UUID.class), rs.getObject("discrepancy_id", UUID.class),
				rs.getString("reason"));
	}

	/**
	 * An entry to append.
	 *
	 * @param recordedBy null for the system (demo stock)
	 */
	record NewEntry(UUID lotId, EntryKind kind, BigDecimal quantityMg, Instant occurredAt, StaffMember recordedBy,
			StaffMember witness, UUID dosingSessionId, UUID patientId, UUID correctsEntryId, UUID discrepancyId,
			String reason) {

		static NewEntry of(UUID lotId, EntryKind kind, BigDecimal quantityMg, Instant occurredAt,
				StaffMember recordedBy) {
			return new NewEntry(lotId, kind, quantityMg, occurredAt, recordedBy, null, null, null, null, null, null);
		}

		NewEntry witness(StaffMember witness) {
			return new NewEntry(this.lotId, this.kind, this.quantityMg, this.occurredAt, this.recordedBy, witness,
					this.dosingSessionId, this.patientId, this.correctsEntryId, this.discrepancyId, this.reason);
		}

		NewEntry session(UUID dosingSessionId, UUID patientId) {
			return new NewEntry(this.lotId, this.kind, this.quantityMg, this.occurredAt, this.recordedBy, this.witness,
					dosingSessionId, patientId, this.correctsEntryId, this.discrepancyId, this.reason);
		}

		NewEntry corrects(UUID entryId) {
			return new NewEntry(this.lotId, this.kind, this.quantityMg, this.occurredAt, this.recordedBy, this.witness,
					this.dosingSessionId, this.patientId, entryId, this.discrepancyId, this.reason);
		}

		NewEntry resolves(UUID discrepancyId) {
			return new NewEntry(this.lotId, this.kind, this.quantityMg, this.occurredAt, this.recordedBy, this.witness,
					this.dosingSessionId, this.patientId, this.correctsEntryId, discrepancyId, this.reason);
		}

		NewEntry reason(String reason) {
			return new NewEntry(this.lotId, this.kind, this.quantityMg, this.occurredAt, this.recordedBy, this.witness,
					this.dosingSessionId, this.patientId, this.correctsEntryId, this.discrepancyId, reason);
		}

	}

	private record Last(int seq, BigDecimal balance) {
	}

}
