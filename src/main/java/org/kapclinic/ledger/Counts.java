package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kapclinic.identity.StepUp;
import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.ledger.Entries.NewEntry;
import org.kapclinic.ledger.LedgerEntry.EntryKind;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts (reconciliation): each count is compared with the running balance at that
 * moment; a mismatch opens a discrepancy for an ADMIN and publishes
 * {@link DiscrepancyFound}. Resolving it is an adjustment entry with a reason.
 */
@Service
@Transactional
class Counts {

	static final String DISCREPANCY = "ControlledSubstanceDiscrepancy";

	private static final String DISCREPANCIES = """
			select d.*, l.lot_number, l.product, c.counted_by_name, r.resolved_at, r.resolved_by_name, r.reason,
			       r.adjustment_entry_id
			from ledger.discrepancy d join ledger.lot l on l.id = d.lot_id
			join ledger.stock_count c on c.id = d.count_id
			left join ledger.discrepancy_resolution r on r.discrepancy_id = d.id""";

	private final JdbcClient jdbc;

	private final Entries entries;

	private final LedgerAccess access;

	private final Witnesses witnesses;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final StepUp stepUp;

	Counts(JdbcClient jdbc, Entries entries, LedgerAccess access, Witnesses witnesses, AuditTrail audit,
			ApplicationEventPublisher events, StepUp stepUp) {
		this.stepUp = stepUp;
		this.jdbc = jdbc;
		this.entries = entries;
		this.access = access;
		this.witnesses = witnesses;
		this.audit = audit;
		this.events = events;
	}

	CountResult count(CountRequest count) {
		StaffMember user = this.access.requireKeeper("count");
		this.stepUp.require("record a controlled-substance count");
		List<FieldProblem> problems = new ArrayList<>();
		if (count.lotId() == null) {
			problems.add(new FieldProblem("lotId", "the lot counted"));
		}
		if (count.countedMg() == null || count.countedMg().signum() < 0
				|| count.countedMg().stripTrailingZeros().scale() > 3
				|| count.countedMg().compareTo(StockRules.MAX_MG) > 0) {
			problems.add(new FieldProblem("countedMg", "the mg on hand: 0 or more, at most 3 decimals"));
		}
		if (count.note() != null && count.note().length() > StockRules.TEXT_MAX) {
			problems.add(new FieldProblem("note", "at most " + StockRules.TEXT_MAX + " characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		LotBalance lot = this.entries.lot(count.lotId()).orElseThrow(() -> new NotFoundException("Lot", count.lotId()));
		boolean witnessed = count.witness() != null
				&& (count.witness().username() != null || count.witness().password() != null);
		StaffMember witness = witnessed ? this.witnesses.require(count.witness(), user, "count of lot " + lot.lot())
				: null;
		lot = this.entries.lock(lot.lotId()).orElseThrow();
		BigDecimal expected = lot.balanceMg();
		BigDecimal difference = Entries.mg(count.countedMg().subtract(expected));
		UUID countId = UUID.randomUUID();
		Timestamp now = this.entries.now();
		this.jdbc.sql("""
				insert into ledger.stock_count (id, lot_id, counted_mg, expected_mg, counted_at, counted_by,
				    counted_by_name, witness_id, witness_name, note)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(countId, lot.lotId(), count.countedMg(), expected, now, user.id(), user.username(),
					(witness != null) ? witness.id() : null, (witness != null) ? witness.username() : null,
					(count.note() == null || count.note().isBlank()) ? null : count.note().trim())
			.update();
		UUID discrepancyId = null;
		if (difference.signum() != 0) {
			discrepancyId = UUID.randomUUID();
			this.jdbc.sql("""
					insert into ledger.discrepancy (id, count_id, lot_id, expected_mg, counted_mg, found_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(discrepancyId, countId, lot.lotId(), expected, count.countedMg(), now)
				.update();
			this.events.publishEvent(new DiscrepancyFound(discrepancyId, lot.lotId(), lot.lot(), expected,
					count.countedMg(), now.toInstant()));
		}
		String status = (discrepancyId != null) ? "DISCREPANCY" : "MATCHED";
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "ControlledSubstanceCount", countId)
			.category(DataCategory.CONTROLLED_SUBSTANCE)
			.detail("COUNT lot " + lot.lot() + ": counted " + Entries.plain(count.countedMg()) + " mg, expected "
					+ Entries.plain(expected) + " mg: " + status
					+ ((witness != null) ? ", witnessed by " + witness.username() : "")));
		return new CountResult(countId, lot.lotId(), lot.lot(), Entries.mg(count.countedMg()), Entries.mg(expected),
				difference, status, discrepancyId, now.toInstant(), user.username(),
				(witness != null) ? witness.username() : null);
	}

	/** Discrepancies, newest first; {@code openOnly} leaves out resolved ones. */
	@Transactional(readOnly = true)
	List<Discrepancy> discrepancies(boolean openOnly) {
		this.access.requireKeeper("discrepancies");
		List<Discrepancy> list = this.jdbc
			.sql(DISCREPANCIES + (openOnly ? " where r.discrepancy_id is null" : "") + " order by d.found_at desc")
			.query((rs, n) -> discrepancy(rs))
			.list();
		this.audit.record(AuditEvent.of(AuditAction.QUERY, DISCREPANCY, null)
			.category(DataCategory.CONTROLLED_SUBSTANCE)
			.detail((openOnly ? "open" : "all") + " discrepancies: " + list.size()));
		return list;
	}

	/**
	 * An ADMIN resolves a discrepancy with a reason; with {@code adjustBalance} (the
	 * usual case) an adjustment entry brings the lot's balance by the counted difference.
	 * Without it the count itself was wrong (e.g. a recount matched), and only the reason
	 * is kept.
	 */
	Discrepancy resolve(UUID discrepancyId, String reason, boolean adjustBalance) {
		StaffMember admin = this.access.requireAdmin("resolve discrepancy " + discrepancyId);
		Discrepancy found = find(discrepancyId);
		String reasonProblem = StockRules.reasonProblem(reason);
		if (reasonProblem != null) {
			throw InvalidInputException.of("reason", reasonProblem);
		}
		this.entries.lock(found.lotId());
		// Re-read under the lot lock so two administrators cannot both resolve it.
		found = find(discrepancyId);
		if (!found.open()) {
			throw new ConflictException("This discrepancy was already resolved.", "Discrepancy", discrepancyId);
		}
		UUID adjustmentId = null;
		if (adjustBalance) {
			adjustmentId = this.entries
				.append(NewEntry.of(found.lotId(), EntryKind.ADJUSTMENT, found.differenceMg(),
						this.entries.now().toInstant(), admin)
					.resolves(discrepancyId)
					.reason(reason.trim()))
				.id();
		}
		this.jdbc.sql("""
				insert into ledger.discrepancy_resolution (discrepancy_id, resolved_at, resolved_by, resolved_by_name,
				    reason, adjustment_entry_id)
				values (?, ?, ?, ?, ?, ?)""")
			.params(discrepancyId, this.entries.now(), admin.id(), admin.username(), reason.trim(), adjustmentId)
			.update();
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, DISCREPANCY, discrepancyId)
			.category(DataCategory.CONTROLLED_SUBSTANCE)
			.detail("resolved" + (adjustBalance ? " with adjustment of " + Entries.plain(found.differenceMg()) + " mg"
					: " without adjustment")));
		return find(discrepancyId);
	}

	private Discrepancy find(UUID id) {
		return this.jdbc.sql(DISCREPANCIES + " where d.id = ?")
			.param(id)
			.query((rs, n) -> discrepancy(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("Discrepancy", id));
	}

	private static Discrepancy discrepancy(ResultSet rs) throws SQLException {
		BigDecimal expected = rs.getBigDecimal("expected_mg");
		BigDecimal counted = rs.getBigDecimal("counted_mg");
		Timestamp resolvedAt = rs.getTimestamp("resolved_at");
		return new Discrepancy(rs.getObject("id", UUID.class), rs.getObject("count_id", UUID.class),
				rs.getObject("lot_id", UUID.class), rs.getString("lot_number"), rs.getString("product"),
				Entries.mg(expected), Entries.mg(counted), Entries.mg(counted.subtract(expected)),
				rs.getTimestamp("found_at").toInstant(), rs.getString("counted_by_name"),
				(resolvedAt != null) ? "RESOLVED" : "OPEN", (resolvedAt != null) ? resolvedAt.toInstant() : null,
				rs.getString("resolved_by_name"), rs.getString("reason"),
				rs.getObject("adjustment_entry_id", UUID.class));
	}

}
