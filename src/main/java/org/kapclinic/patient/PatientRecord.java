package org.kapclinic.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything the chart header needs about one patient, read in one statement: the
 * registration, guardians, current care team (user ids, oldest first) and latest body
 * measurements.
 */
record PatientRecord(UUID id, String mrn, long version, String givenName, String familyName, String preferredName,
		String pronouns, LocalDate birthDate, SexAtBirth sexAtBirth, String genderIdentity, String phone, String email,
		Address address, EmergencyContact emergencyContact, ProviderContact primaryCare,
		ProviderContact outsideTherapist, List<Guardian> guardians, List<TeamSeat> careTeam, LatestBody latestBody,
		Instant createdAt, Instant updatedAt, List<ExternalIdentifier> identifiers) {

	List<UUID> careTeamIds() {
		return this.careTeam.stream().map(TeamSeat::userId).toList();
	}

	/** A care-team membership before names are looked up. */
	record TeamSeat(UUID userId, Instant addedAt) {
	}

}
