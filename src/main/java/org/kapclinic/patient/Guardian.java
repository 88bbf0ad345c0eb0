package org.kapclinic.patient;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A legal guardian of a minor patient; at least a name, relationship and one way to reach
 * them.
 */
@Table(name = "guardian", schema = "patient")
public record Guardian(@Size(max = 200) String name, @Size(max = 100) String relationship,
		@Pattern(regexp = Texts.PHONE, message = Texts.PHONE_MESSAGE) String phone,
		@Email @Size(max = 254) String email) {

	boolean reachable() {
		return !Texts.allBlank(this.phone, this.email);
	}

	public String oneLine() {
		return Texts.join(" · ", this.name, this.relationship, this.phone, this.email);
	}

}
