package org.kapclinic.patient;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An outside clinician: the primary-care provider or the patient's own therapist. */
record ProviderContact(@Size(max = 200) String name, @Size(max = 200) String organization,
		@Pattern(regexp = Texts.PHONE, message = Texts.PHONE_MESSAGE) String phone,
		@Email @Size(max = 254) String email) {

	boolean isEmpty() {
		return Texts.allBlank(this.name, this.organization, this.phone, this.email);
	}

	public String oneLine() {
		return Texts.join(" · ", this.name, this.organization, this.phone, this.email);
	}

}
