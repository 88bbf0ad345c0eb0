package org.kapclinic.intake;

import java.util.List;
import java.util.UUID;

import org.kapclinic.intake.ConsentSignature.SignerRole;
import org.kapclinic.patient.PatientLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consents waiting in the portal for the signed-in person (issue 21): the open
 * requests addressed to the patient, or, for a guardian's proxy, to the guardian. The
 * consents page lists them; the portal's home counts them.
 */
@Service
@Transactional(readOnly = true)
public class PortalConsents {

	private final JdbcClient jdbc;

	private final PatientLinks links;

	PortalConsents(JdbcClient jdbc, PatientLinks links) {
		this.jdbc = jdbc;
		this.links = links;
	}

	/** The open requests' link ids, oldest first. */
	@PreAuthorize("@selfAccess.is(#patientId)")
	public List<UUID> waiting(UUID patientId, boolean guardian) {
		return this.jdbc.sql("""
				select link_id from intake.consent_request
				where patient_id = ? and signature_id is null and signer_role = ? order by created_at""")
			.params(patientId, (guardian ? SignerRole.GUARDIAN : SignerRole.PATIENT).name())
			.query(UUID.class)
			.list()
			.stream()
			.filter((id) -> this.links.openById(id, ConsentLinks.PURPOSE).isPresent())
			.toList();
	}

}
