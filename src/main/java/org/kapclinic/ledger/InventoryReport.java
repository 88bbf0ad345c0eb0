package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The inventory for a date (balances per lot and the period's movements). */
@Service
@Transactional(readOnly = true)
class InventoryReport {

	private static final String SQL = """
			select l.*,
			       coalesce(sum(e.quantity_mg) filter (where e.occurred_at < :start), 0) as opening,
			       coalesce(sum(e.quantity_mg) filter (where e.occurred_at >= :start and e.kind = 'RECEIPT'), 0) as received,
			       coalesce(-sum(e.quantity_mg) filter (where e.occurred_at >= :start and e.kind = 'DRAW'), 0) as drawn,
			       coalesce(-sum(e.quantity_mg) filter (where e.occurred_at >= :start and e.kind = 'WASTE'), 0) as wasted,
			       coalesce(sum(e.quantity_mg) filter (where e.occurred_at >= :start and e.kind = 'ADJUSTMENT'), 0) as adjusted,
			       coalesce(sum(e.quantity_mg) filter (where e.occurred_at >= :start and e.kind = 'CORRECTION'), 0) as corrected,
			       sum(e.quantity_mg) as closing
			from ledger.lot l join ledger.entry e on e.lot_id = l.id and e.occurred_at < :end
			group by l.id
			having sum(e.quantity_mg) filter (where e.occurred_at < :start) <> 0
			    or count(*) filter (where e.occurred_at >= :start) > 0
			order by l.product, l.expiry, l.lot_number""";

	private static final int MAX_DAYS = 366;

	private final JdbcClient jdbc;

	private final LedgerAccess access;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	InventoryReport(JdbcClient jdbc, LedgerAccess access, AuditTrail audit, ClinicTime clinicTime, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	Inventory on(LocalDate date, LocalDate from) {
		StaffMember user = this.access.requireKeeper("inventory");
		if (date == null) {
			throw InvalidInputException.of("date", "the date of the inventory (YYYY-MM-DD)");
		}
		LocalDate start = (from != null) ? from : date;
		if (start.isAfter(date) || ChronoUnit.DAYS.between(start, date) >= MAX_DAYS) {
			throw InvalidInputException.of("from", "on or before the date, at most " + MAX_DAYS + " days earlier");
		}
		ZoneId zone = this.clinicTime.timeZone();
		Instant periodStart = start.atStartOfDay(zone).toInstant();
		Instant asOf = date.plusDays(1).atStartOfDay(zone).toInstant();
		List<Inventory.Line> lines = this.jdbc.sql(SQL)
			.param("start", Timestamp.from(periodStart))
			.param("end", Timestamp.from(asOf))
			.query((rs, n) -> line(rs))
			.list();
		this.audit.record(AuditEvent.of(AuditAction.EXPORT, Ledger.RESOURCE, null)
			.category(DataCategory.CONTROLLED_SUBSTANCE)
			.detail("inventory " + start + ".." + date + ": " + lines.size() + " lots"));
		return new Inventory(start, date, zone.getId(), periodStart, asOf, Instant.now(this.clock), user.username(),
				lines);
	}

	private static Inventory.Line line(ResultSet rs) throws SQLException {
		return new Inventory.Line(rs.getObject("id", UUID.class), rs.getString("product"), rs.getString("ndc"),
				rs.getString("lot_number"), rs.getObject("expiry", LocalDate.class), mg(rs, "concentration_mg_per_ml"),
				rs.getString("location"), mg(rs, "opening"), mg(rs, "received"), mg(rs, "drawn"), mg(rs, "wasted"),
				mg(rs, "adjusted"), mg(rs, "corrected"), mg(rs, "closing"));
	}

	private static BigDecimal mg(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return (value.signum() == 0) ? BigDecimal.ZERO : Entries.mg(value);
	}

}
