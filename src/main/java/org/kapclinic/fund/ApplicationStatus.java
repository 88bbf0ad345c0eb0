package org.kapclinic.fund;

/**
 * Where an application to the fund stands (API codes, with the words staff read): it
 * waits for the committee, which decides it once.
 */
public enum ApplicationStatus {

	PENDING("Waiting for the committee"), AWARDED("Awarded"), DECLINED("Declined");

	private final String label;

	ApplicationStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
