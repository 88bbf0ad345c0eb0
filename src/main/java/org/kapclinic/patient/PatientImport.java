package org.kapclinic.patient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk loading of patients without a signed-in user, for the synthetic demo clinic and
 * benchmarks: JDBC batches instead of one aggregate save per patient, so 100,000 patients
 * load in seconds. Not reachable from any web endpoint. Input is trusted (generated), so
 * it is not run through the form validation.
 */
@Service
@NamedInterface("demo")
public class PatientImport {

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	PatientImport(JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	public boolean anyPatients() {
		return Boolean.TRUE
			.equals(this.jdbc.queryForObject("select exists (select 1 from patient.patient)", Boolean.class));
	}

	@Transactional
	public void importBatch(List<ImportedPatient> batch, String source) {
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		List<Object[]> patients = new ArrayList<>();
		List<Object[]> guardians = new ArrayList<>();
		List<Object[]> measurements = new ArrayList<>();
		List<Object[]> team = new ArrayList<>();
		for (ImportedPatient p : batch) {
			patients.add(new Object[] { p.id(), p.givenName(), p.familyName(), p.preferredName(), p.pronouns(),
					p.birthDate(), p.sexAtBirth().name(), p.phone(), p.email(), p.city(), p.region(), p.emergencyName(),
					p.emergencyPhone(), SearchKeys.of(p.familyName()), SearchKeys.of(p.givenName()),
					SearchKeys.of(p.preferredName()), now, now });
			for (int i = 0; i < p.guardians().size(); i++) {
				Guardian g = p.guardians().get(i);
				guardians.add(new Object[] { p.id(), i, g.name(), g.relationship(), g.phone(), g.email() });
			}
			for (ImportedMeasurement m : p.measurements()) {
				measurements.add(new Object[] { UUID.randomUUID(), p.id(), m.weightKg(), m.heightCm(),
						Timestamp.from(m.measuredAt()), now });
			}
			for (UUID userId : p.careTeam()) {
				team.add(new Object[] { p.id(), userId, now });
			}
		}
		this.jdbc.batchUpdate(
				"""
						insert into patient.patient (id, mrn, given_name, family_name, preferred_name, pronouns, birth_date,
						    sex_at_birth, phone, email, address_city, address_region, emergency_contact_name,
						    emergency_contact_phone, family_key, given_key, preferred_key, created_at, updated_at, version)
						values (?, 'KAP-' || nextval('patient.mrn_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
				patients);
		this.jdbc.batchUpdate("""
				insert into patient.guardian (patient_id, position, name, relationship, phone, email)
				values (?, ?, ?, ?, ?, ?)""", guardians);
		this.jdbc.batchUpdate("""
				insert into patient.body_measurement (id, patient_id, weight_kg, height_cm, measured_at, recorded_at)
				values (?, ?, ?, ?, ?, ?)""", measurements);
		this.jdbc.batchUpdate("""
				insert into patient.care_team_member (patient_id, user_id, added_at) values (?, ?, ?)""", team);
		this.audit.record(AuditEvent.of(AuditAction.SYSTEM, "Patient", null)
			.category(DataCategory.ADMINISTRATION)
			.detail("imported " + batch.size() + " patients from " + source));
	}

	/** A generated patient with its guardians, measurements and care team. */
	public record ImportedPatient(UUID id, String givenName, String familyName, String preferredName, String pronouns,
			LocalDate birthDate, SexAtBirth sexAtBirth, String phone, String email, String city, String region,
			String emergencyName, String emergencyPhone, List<Guardian> guardians,
			List<ImportedMeasurement> measurements, List<UUID> careTeam) {
	}

	public record ImportedMeasurement(BigDecimal weightKg, BigDecimal heightCm, Instant measuredAt) {
	}

}
