package org.kapclinic.reports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome change of a given set of patients, from the outcomes read model: each
 * patient's first course with both a baseline and an end-of-course score on the
 * instrument. For another module's aggregate report (the access fund's donor impact): the
 * caller checks its role, suppresses small cells and audits its report.
 */
@Service
@Transactional(readOnly = true)
public class CohortChange {

	private final JdbcClient jdbc;

	CohortChange(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Baseline to end of course; {@code n} is 0 when no patient has both scores. */
	public PairedChange of(String instrument, Collection<UUID> patientIds) {
		List<Double> baseline = new ArrayList<>();
		List<Double> followUp = new ArrayList<>();
		if (patientIds.isEmpty()) {
			return PairedChange.of(baseline, followUp);
		}
		this.jdbc.sql("""
				select distinct on (patient_id) baseline, eoc_total from reports.course_outcome
				where instrument = ? and patient_id = any(?) and baseline is not null and eoc_total is not null
				order by patient_id, first_dose_at""")
			.params(instrument, patientIds.stream().distinct().toArray(UUID[]::new))
			.query((java.sql.ResultSet rs) -> {
				baseline.add(rs.getDouble(1));
				followUp.add(rs.getDouble(2));
			});
		return PairedChange.of(baseline, followUp);
	}

}
