package org.kapclinic.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk loading of submitted intakes (the diagnoses only) without a signed-in user, for
 * the synthetic demo clinic and benchmarks: the outcomes report breaks results down by
 * the primary diagnosis. Not reachable from any web endpoint.
 */
@Service
@NamedInterface("demo")
public class IntakeImport {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final DiagnosisCatalog catalog;

	IntakeImport(JdbcTemplate jdbc, JsonMapper json, DiagnosisCatalog catalog) {
		this.jdbc = jdbc;
		this.json = json;
		this.catalog = catalog;
	}

	/**
	 * Per patient, their ICD-10-CM codes, the primary first; each must be in the catalog.
	 */
	@Transactional
	public void importDiagnoses(Map<UUID, List<String>> diagnoses) {
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> intakes = new ArrayList<>(diagnoses.size());
		List<Object[]> revisions = new ArrayList<>(diagnoses.size());
		diagnoses.forEach((patient, codes) -> {
			codes.forEach((code) -> this.catalog.find(code)
				.orElseThrow(() -> new IllegalArgumentException("not in the diagnosis catalog: " + code)));
			String answers = this.json.writeValueAsString(
					new IntakeAnswers(codes, List.of(), List.of(), List.of(), null, null, null, null, null));
			intakes.add(new Object[] { patient, answers, now, now });
			revisions.add(new Object[] { patient, answers, now });
		});
		this.jdbc.batchUpdate("""
				insert into intake.intake (patient_id, status, revision, answers, submitted_at, updated_at)
				values (?, 'SUBMITTED', 1, ?::jsonb, ?, ?)""", intakes);
		this.jdbc.batchUpdate("""
				insert into intake.intake_revision (patient_id, revision, status, answers, saved_at)
				values (?, 1, 'SUBMITTED', ?::jsonb, ?)""", revisions);
	}

}
