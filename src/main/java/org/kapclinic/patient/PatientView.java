package org.kapclinic.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A patient's chart header and registration data as the signed-in user may see it.
 * {@code latestBody} is null when the user's role may not see clinical content;
 * {@code identifiers} are those other systems gave the patient (kept from a FHIR
 * referral).
 */
public record PatientView(UUID id, String mrn, long version, String givenName, String familyName, String preferredName,
		String pronouns, LocalDate birthDate, int age, boolean minor, SexAtBirth sexAtBirth, String genderIdentity,
		String phone, String email, Address address, EmergencyContact emergencyContact, ProviderContact primaryCare,
		ProviderContact outsideTherapist, List<Guardian> guardians, List<CareTeamMember> careTeam,
		boolean clinicalAccess, LatestBody latestBody, Instant createdAt, Instant updatedAt,
		List<ExternalIdentifier> identifiers) {

	public String displayName() {
		String given = (this.preferredName != null) ? this.preferredName : this.givenName;
		return given + " " + this.familyName;
	}

}
