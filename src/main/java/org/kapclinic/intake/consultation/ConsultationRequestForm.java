package org.kapclinic.intake.consultation;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a prospective patient sends from the public page (no sign-in).
 *
 * @param concerns the conditions of concern ({@code conditions} is accepted too)
 * @param website a honeypot: hidden from people, filled in by bots; such submissions are
 * answered like any other and dropped
 */
record ConsultationRequestForm(@NotBlank @Size(max = 100) String givenName,
		@NotBlank @Size(max = 100) String familyName, @JsonAlias("dateOfBirth") @NotNull @Past LocalDate birthDate,
		@Email @Size(max = 254) String email,
		@Pattern(regexp = "^$|^\\+?[0-9 ().\\-]{7,20}$", message = "must be a phone number") String phone,
		@JsonAlias("conditions") @NotEmpty @Size(max = 12) List<Concern> concerns, @Size(max = 500) String otherConcern,
		@Size(max = 500) String preferredContactTimes, @Size(max = 2000) String message,
		@AssertTrue(message = "we can only reply if you agree to be contacted") boolean consentToContact,
		@Size(max = 200) String website) {

	@AssertTrue(message = "give an email address or a phone number")
	public boolean isReachable() {
		return (this.email != null && !this.email.isBlank()) || (this.phone != null && !this.phone.isBlank());
	}

}
