package org.kapclinic.portal;

/** Where a portal account stands (API codes, with the words staff read). */
public enum PortalAccountStatus {

	INVITED("Invited, not set up yet"), ACTIVE("Active"), REVOKED("Access revoked");

	private final String label;

	PortalAccountStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
