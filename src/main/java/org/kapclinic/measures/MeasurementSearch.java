package org.kapclinic.measures;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Scored administrations for other systems (FHIR Observations and
 * QuestionnaireResponses): only complete scores, under the chart's clinical access rule,
 * each read audited with its patient.
 */
@Component
class MeasurementSearch {

	private final JdbcClient jdbc;

	private final CareTeamAccess access;

	private final AuditTrail audit;

	MeasurementSearch(JdbcClient jdbc, CareTeamAccess access, AuditTrail audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
	}

	List<Measurement> search(MeasurementQuery query) {
		this.access.requireClinical(query.patientId());
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder(
				"select * from measures.measurement where patient_id = ? and complete and total is not null");
		params.add(query.patientId());
		// One instrument is the common case (a trajectory): an equality lets the
		// (patient, instrument, time) index deliver the rows in order.
		if (query.instruments().size() == 1) {
			sql.append(" and instrument = ?");
			params.add(query.instruments().get(0));
		}
		else if (!query.instruments().isEmpty()) {
			sql.append(" and instrument = any(?)");
			params.add(query.instruments().toArray(String[]::new));
		}
		if (query.from() != null) {
			sql.append(" and administered_at >= ?");
			params.add(Timestamp.from(query.from()));
		}
		if (query.before() != null) {
			sql.append(" and administered_at < ?");
			params.add(Timestamp.from(query.before()));
		}
		sql.append(query.newestFirst() ? " order by administered_at desc, id desc" : " order by administered_at, id")
			.append(" limit ? offset ?");
		params.add(query.limit());
		params.add(query.offset());
		List<Measurement> found = this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> MeasurementRows.map(rs))
			.list();
		this.audit.record(AuditEvent.of(AuditAction.READ, MeasurementService.RESOURCE, null)
			.patient(query.patientId())
			.category(DataCategory.CLINICAL)
			.detail("instruments=" + query.instruments() + " results=" + found.size()));
		return found;
	}

	Measurement find(UUID id) {
		Optional<Measurement> found = this.jdbc.sql("select * from measures.measurement where id = ? and complete")
			.param(id)
			.query((rs, n) -> MeasurementRows.map(rs))
			.optional();
		Measurement measurement = found.orElseThrow(() -> new NotFoundException(MeasurementService.RESOURCE, id));
		this.access.requireClinical(measurement.patientId());
		this.audit.record(AuditEvent.of(AuditAction.READ, MeasurementService.RESOURCE, id)
			.patient(measurement.patientId())
			.category(DataCategory.CLINICAL));
		return measurement;
	}

}
