package org.kapclinic.portal;

/**
 * Whose portal account it is (API codes, with the words staff read): the patient's own,
 * or a minor's guardian's proxy account (issue 21).
 */
public enum PortalAccountHolder {

	PATIENT("Patient"), GUARDIAN("Guardian (proxy)");

	private final String label;

	PortalAccountHolder(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
