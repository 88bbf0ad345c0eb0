package org.kapclinic.patient;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record EmergencyContact(@Size(max = 200) String name, @Size(max = 100) String relationship,
		@Pattern(regexp = Texts.PHONE, message = Texts.PHONE_MESSAGE) String phone) {

	boolean isEmpty() {
		return Texts.allBlank(this.name, this.relationship, this.phone);
	}

	public String oneLine() {
		return Texts.join(" · ", this.name, this.relationship, this.phone);
	}

}
