package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.ledger.Ledger;
import org.kapclinic.ledger.LotLabel;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The drug a patient was given, administration by administration, under the chart's
 * clinical access rule and audited: for other systems (FHIR MedicationAdministration).
 */
@Service
public class DrugsGiven {

	private static final String SELECT = "select a.*, s.patient_id, s.program, s.route from dosing.administration a"
			+ " join dosing.session s on s.id = a.session_id where a.kind in ('START', 'ADDITIONAL', 'DEVICE')";

	private final JdbcClient jdbc;

	private final CareTeamAccess access;

	private final AuditTrail audit;

	private final Ledger ledger;

	DrugsGiven(JdbcClient jdbc, CareTeamAccess access, AuditTrail audit, Ledger ledger) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.ledger = ledger;
	}

	/** Given in {@code [from, before)} (either end open when null), newest first. */
	public List<DrugGiven> search(UUID patientId, Instant from, Instant before, int offset, int limit) {
		this.access.requireClinical(patientId);
		List<Object> params = new ArrayList<>(List.of(patientId));
		StringBuilder sql = new StringBuilder(SELECT).append(" and s.patient_id = ?");
		if (from != null) {
			sql.append(" and a.at >= ?");
			params.add(Timestamp.from(from));
		}
		if (before != null) {
			sql.append(" and a.at < ?");
			params.add(Timestamp.from(before));
		}
		sql.append(" order by a.at desc, a.id desc limit ? offset ?");
		params.add(limit);
		params.add(offset);
		List<DrugGiven> found = withLots(this.jdbc.sql(sql.toString()).params(params).query(DrugsGiven::map).list());
		this.audit.record(AuditEvent.of(AuditAction.READ, "Administration", null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("administrations results=" + found.size()));
		return found;
	}

	/** One administration that gave drug (404 when absent or not visible). */
	public DrugGiven find(UUID id) {
		Row row = this.jdbc.sql(SELECT + " and a.id = ?")
			.param(id)
			.query(DrugsGiven::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("Administration", id));
		this.access.requireClinical(row.given().patientId());
		DrugGiven found = withLots(List.of(row)).get(0);
		this.audit.record(AuditEvent.of(AuditAction.READ, "Administration", id)
			.patient(found.patientId())
			.category(DataCategory.CLINICAL));
		return found;
	}

	/** Each administration with the label of its lot. */
	private List<DrugGiven> withLots(List<Row> rows) {
		Map<UUID, LotLabel> labels = this.ledger
			.labels(rows.stream().map(Row::lotId).filter(Objects::nonNull).collect(Collectors.toSet()));
		return rows.stream().map((r) -> r.given().withLot(labels.get(r.lotId()))).toList();
	}

	private static Row map(ResultSet rs, int n) throws SQLException {
		BigDecimal dose = rs.getBigDecimal("dose_mg");
		BigDecimal rate = rs.getBigDecimal("rate_mg_per_hour");
		return new Row(
				new DrugGiven(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
						rs.getObject("session_id", UUID.class), "ESKETAMINE".equals(rs.getString("program")),
						Route.valueOf(rs.getString("route")), rs.getString("kind"),
						(dose != null) ? dose.stripTrailingZeros() : null,
						(rate != null) ? rate.stripTrailingZeros() : null, rs.getTimestamp("at").toInstant(),
						rs.getTimestamp("recorded_at").toInstant(), rs.getObject("recorded_by", UUID.class), null),
				rs.getObject("lot_id", UUID.class));
	}

	/** An administration as read, before its lot's label is looked up. */
	private record Row(DrugGiven given, UUID lotId) {
	}

}
