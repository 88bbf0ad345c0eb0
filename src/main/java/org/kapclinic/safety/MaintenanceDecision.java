package org.kapclinic.safety;

import java.util.Arrays;
import java.util.List;

/** What a maintenance review decides; the codes are the API's. */
public enum MaintenanceDecision {

	CONTINUE("Continue maintenance"), TAPER("Taper: longer intervals or lower doses"), PAUSE("Pause dosing"),
	STOP("Stop maintenance dosing");

	private final String label;

	MaintenanceDecision(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	static List<String> codes() {
		return Arrays.stream(values()).map(Enum::name).toList();
	}

}
