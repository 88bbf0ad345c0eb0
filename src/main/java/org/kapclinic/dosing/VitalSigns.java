package org.kapclinic.dosing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A patient's vital signs across dosing sessions, for other systems (FHIR vital-signs
 * Observations): voided sets left out, under the chart's clinical access rule, audited.
 */
@Service
public class VitalSigns {

	private static final String RESOURCE = "Vitals";

	private static final String SELECT = "select v.*, s.patient_id from dosing.vitals v"
			+ " join dosing.session s on s.id = v.session_id where v.voided_at is null";

	private final JdbcClient jdbc;

	private final CareTeamAccess access;

	private final AuditTrail audit;

	VitalSigns(JdbcClient jdbc, CareTeamAccess access, AuditTrail audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
	}

	/**
	 * The patient's vital signs taken in {@code [from, before)} (either end open when
	 * null), newest or oldest first.
	 */
	public List<RecordedVitals> search(UUID patientId, Instant from, Instant before, boolean newestFirst, int offset,
			int limit) {
		this.access.requireClinical(patientId);
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder(SELECT).append(" and s.patient_id = ?");
		params.add(patientId);
		if (from != null) {
			sql.append(" and v.at >= ?");
			params.add(Timestamp.from(from));
		}
		if (before != null) {
			sql.append(" and v.at < ?");
			params.add(Timestamp.from(before));
		}
		sql.append(newestFirst ? " order by v.at desc, v.id desc" : " order by v.at, v.id").append(" limit ? offset ?");
		params.add(limit);
		params.add(offset);
		List<RecordedVitals> found = this.jdbc.sql(sql.toString()).params(params).query(VitalSigns::map).list();
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("vital signs results=" + found.size()));
		return found;
	}

	/** One set by id (404 when absent, voided or not visible to the user). */
	public RecordedVitals find(UUID id) {
		RecordedVitals found = this.jdbc.sql(SELECT + " and v.id = ?")
			.param(id)
			.query(VitalSigns::map)
			.optional()
			.orElseThrow(() -> new NotFoundException(RESOURCE, id));
		this.access.requireClinical(found.patientId());
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, id)
			.patient(found.patientId())
			.category(DataCategory.CLINICAL));
		return found;
	}

	private static RecordedVitals map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new RecordedVitals(rs.getObject("patient_id", UUID.class), rs.getObject("session_id", UUID.class),
				MonitoringRows.vitals(rs, n));
	}

}
