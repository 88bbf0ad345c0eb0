package org.kapclinic.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Roles. A user may hold several. {@link #METRICS} is not a staff role: an account with
 * it only collects the metrics ({@code /actuator/prometheus}) and sees no patient data.
 * {@link #BILLING} and {@link #FUND_COMMITTEE} (issue 20) have no clinical access.
 */
public enum Role {

	ADMIN("Administrator"), PRESCRIBER("Prescriber (physician/NP)"), NURSE("Nurse"), THERAPIST("Therapist"),
	FRONT_DESK("Front desk"), METRICS("Metrics collector (monitoring only)"), BILLING("Billing"),
	FUND_COMMITTEE("Access fund committee");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The roles of people who work in the clinic: every role but {@link #METRICS}. */
	public static Set<Role> staff() {
		return EnumSet.complementOf(EnumSet.of(METRICS));
	}

	/** The Spring Security authority for this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
