package org.kapclinic.intake;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients who withdrew their release of information and have not signed another: what
 * leaves the clinic for another organization in bulk (a FHIR export to an external
 * client) leaves them out (issue 22; 45 CFR 164.508(b)(5): an authorization may be
 * revoked in writing at any time).
 */
@Component
public class WithdrawnReleases {

	private final JdbcClient jdbc;

	WithdrawnReleases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Of these patients, those whose every signed release is withdrawn. */
	@Transactional(readOnly = true)
	public Set<UUID> among(Collection<UUID> patientIds) {
		if (patientIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				select patient_id from intake.consent_signature
				where patient_id = any(?) and document_code = ?
				group by patient_id having bool_and(withdrawn_at is not null)""")
			.params(patientIds.toArray(UUID[]::new), ConsentService.RELEASE)
			.query(UUID.class)
			.list());
	}

}
