package org.kapclinic.patient;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What staff enter about a patient, on the API and in the form alike.
 *
 * @param version the version being edited; required to update, ignored on create
 * @param confirmDuplicate on registration: create the record although it may be a patient
 * already registered (same family name and date of birth, e-mail or phone); without it
 * such a registration is answered with the possible matches. Ignored on update.
 */
public record PatientDetails(@NotBlank @Size(max = 100) String givenName, @NotBlank @Size(max = 100) String familyName,
		@Size(max = 100) String preferredName, @Size(max = 50) String pronouns,
		@NotNull @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
		SexAtBirth sexAtBirth, @Size(max = 100) String genderIdentity,
		@Pattern(regexp = Texts.PHONE, message = Texts.PHONE_MESSAGE) String phone,
		@Email @Size(max = 254) String email, @Valid Address address, @Valid EmergencyContact emergencyContact,
		@Valid ProviderContact primaryCare, @Valid ProviderContact outsideTherapist,
		@Valid @Size(max = 5) List<@Valid Guardian> guardians, Long version, Boolean confirmDuplicate) {

	/** Absent contact blocks become empty ones, so forms can always bind their fields. */
	public PatientDetails {
		address = (address != null) ? address : new Address(null, null, null, null, null, null);
		emergencyContact = (emergencyContact != null) ? emergencyContact : new EmergencyContact(null, null, null);
		primaryCare = (primaryCare != null) ? primaryCare : new ProviderContact(null, null, null, null);
		outsideTherapist = (outsideTherapist != null) ? outsideTherapist : new ProviderContact(null, null, null, null);
		guardians = (guardians != null) ? guardians : List.of();
	}

	/** Non-null guardians without blank rows (forms post empty rows). */
	List<Guardian> guardianList() {
		return (this.guardians == null) ? List.of() : this.guardians.stream()
			.filter((guardian) -> guardian != null
					&& !Texts.allBlank(guardian.name(), guardian.relationship(), guardian.phone(), guardian.email()))
			.toList();
	}

}
