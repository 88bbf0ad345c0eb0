package org.kapclinic.patient;

import jakarta.validation.constraints.Size;

/** A postal address; every part optional. */
public record Address(@Size(max = 200) String line1, @Size(max = 200) String line2, @Size(max = 100) String city,
		@Size(max = 100) String region, @Size(max = 20) String postalCode, @Size(max = 100) String country) {

	boolean isEmpty() {
		return Texts.allBlank(this.line1, this.line2, this.city, this.region, this.postalCode, this.country);
	}

	/** The parts present, comma-separated, for display. */
	public String oneLine() {
		return Texts.join(", ", this.line1, this.line2, this.city, this.region, this.postalCode, this.country);
	}

}
