package org.kapclinic.billing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fee schedules (issue 20): administrators publish a whole new version with the date it
 * takes effect; versions are never edited. Anyone signed in may read them (clinicians see
 * what a service costs; they do not change it).
 */
@Service
@Transactional
public class FeeSchedules {

	private final JdbcClient jdbc;

	private final ServiceCodes codes;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final Clock clock;

	FeeSchedules(JdbcClient jdbc, ServiceCodes codes, CurrentUser currentUser, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.codes = codes;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	@PreAuthorize("hasRole('ADMIN')")
	public FeeSchedule publish(FeeScheduleRequest request) {
		UUID by = this.currentUser.require().id();
		var problems = FeeScheduleChecks.problems(request, this.codes);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		// One publisher at a time: the next version number is then the maximum plus one.
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('billing.fee_schedule'))").query(Object.class).single();
		int version = this.jdbc.sql("select coalesce(max(version), 0) + 1 from billing.fee_schedule")
			.query(Integer.class)
			.single();
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into billing.fee_schedule (id, version, effective_from, currency, note, published_at, published_by)
					values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, version, request.effectiveFrom(), request.currency(), request.note(),
					Timestamp.from(Instant.now(this.clock)), by)
			.update();
		insertLines(this.jdbc, id, request.lines());
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "FeeSchedule", id.toString())
			.category(DataCategory.ADMINISTRATION)
			.detail("fee schedule v" + version + " from " + request.effectiveFrom()));
		return find(id).orElseThrow();
	}

	/** Every version, newest first. */
	@Transactional(readOnly = true)
	public List<FeeSchedule> list() {
		List<UUID> ids = this.jdbc.sql("select id from billing.fee_schedule order by version desc")
			.query(UUID.class)
			.list();
		return ids.stream().map((id) -> find(id).orElseThrow()).toList();
	}

	/** The schedule in force on a day: the latest version effective on or before it. */
	@Transactional(readOnly = true)
	public Optional<FeeSchedule> inForce(LocalDate day) {
		return this.jdbc.sql("""
				select id from billing.fee_schedule where effective_from <= ?
				order by effective_from desc, version desc limit 1""")
			.param(day)
			.query(UUID.class)
			.optional()
			.flatMap(this::find);
	}

	private Optional<FeeSchedule> find(UUID id) {
		List<FeeLine> lines = this.jdbc.sql("select * from billing.fee_line where schedule_id = ? order by position")
			.param(id)
			.query((rs, n) -> line(rs))
			.list();
		return this.jdbc.sql("select * from billing.fee_schedule where id = ?")
			.param(id)
			.query((rs, n) -> new FeeSchedule(id, rs.getInt("version"), rs.getObject("effective_from", LocalDate.class),
					rs.getString("currency"), rs.getString("note"), rs.getTimestamp("published_at").toInstant(), lines))
			.optional();
	}

	private static FeeLine line(ResultSet rs) throws SQLException {
		return new FeeLine(rs.getString("code_system"), rs.getString("code"), strings(rs.getArray("modifiers")),
				rs.getString("description"), rs.getLong("price_minor"), UnitsRule.valueOf(rs.getString("units_rule")),
				strings(rs.getArray("applies_to")), rs.getBigDecimal("over_mg"), rs.getBigDecimal("up_to_mg"));
	}

	/**
	 * Writes a schedule's lines in their order (publishing, and the demo's first
	 * schedule).
	 */
	static void insertLines(JdbcClient jdbc, UUID scheduleId, List<FeeLine> lines) {
		for (int i = 0; i < lines.size(); i++) {
			FeeLine line = lines.get(i);
			jdbc.sql("""
					insert into billing.fee_line (schedule_id, position, code_system, code, modifiers, description,
					    price_minor, units_rule, applies_to, over_mg, up_to_mg)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(scheduleId, i, line.codeSystem(), line.code(), line.modifiers().toArray(String[]::new),
						line.description().strip(), line.priceMinor(), line.unitsRule().name(),
						line.appliesTo().toArray(String[]::new), line.overMg(), line.upToMg())
				.update();
		}
	}

	static List<String> strings(Array array) throws SQLException {
		return (array == null) ? List.of() : new ArrayList<>(List.of((String[]) array.getArray()));
	}

}
