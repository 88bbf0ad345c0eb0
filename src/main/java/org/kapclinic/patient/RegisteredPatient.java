package org.kapclinic.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A patient's registration as another system receives it (demographics, contacts and
 * guardians; no care team, no clinical content), with the identifiers other systems gave
 * them.
 */
public record RegisteredPatient(UUID id, String mrn, long version, String givenName, String familyName,
		String preferredName, LocalDate birthDate, SexAtBirth sexAtBirth, String genderIdentity, String phone,
		String email, Address address, List<Guardian> guardians, Instant updatedAt,
		List<ExternalIdentifier> identifiers) {

	static RegisteredPatient of(PatientView view) {
		return of(view, view.identifiers());
	}

	static RegisteredPatient of(PatientView view, List<ExternalIdentifier> identifiers) {
		return new RegisteredPatient(view.id(), view.mrn(), view.version(), view.givenName(), view.familyName(),
				view.preferredName(), view.birthDate(), view.sexAtBirth(), view.genderIdentity(), view.phone(),
				view.email(), view.address(), view.guardians(), view.updatedAt(), identifiers);
	}

}
