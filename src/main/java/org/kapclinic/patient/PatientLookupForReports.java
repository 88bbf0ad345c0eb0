package org.kapclinic.patient;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.shared.PatientLookup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link PatientLookup} over the patient table (exact MRN, or every word in the name).
 */
@Component
class PatientLookupForReports implements PatientLookup {

	private final JdbcClient jdbc;

	private final Patients patients;

	PatientLookupForReports(JdbcClient jdbc, Patients patients) {
		this.jdbc = jdbc;
		this.patients = patients;
	}

	@Override
	public List<UUID> matching(String nameOrMrn, int limit) {
		String text = (nameOrMrn == null) ? "" : nameOrMrn.strip();
		if (text.isEmpty()) {
			return List.of();
		}
		String[] words = text.toLowerCase(Locale.ROOT).split("\\s+");
		StringBuilder sql = new StringBuilder("select id from patient.patient where upper(mrn) = upper(?) or (true");
		for (int i = 0; i < words.length; i++) {
			sql.append(" and lower(given_name || ' ' || coalesce(preferred_name, '') || ' ' || family_name) like ?");
		}
		sql.append(") order by family_name, given_name limit ?");
		List<Object> params = new java.util.ArrayList<>();
		params.add(text);
		for (String word : words) {
			params.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		params.add(limit);
		return this.jdbc.sql(sql.toString()).params(params).query(UUID.class).list();
	}

	@Override
	public Map<UUID, String> labels(Collection<UUID> patientIds) {
		Map<UUID, String> labels = new LinkedHashMap<>();
		this.patients.names(patientIds)
			.forEach((id, name) -> labels.put(id, name.displayName() + " (" + name.mrn() + ")"));
		return labels;
	}

}
