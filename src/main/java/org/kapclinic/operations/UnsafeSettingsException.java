package org.kapclinic.operations;

import java.util.List;

/** The settings that make a production start unsafe, each naming what to change. */
class UnsafeSettingsException extends IllegalStateException {

	private final List<String> problems;

	UnsafeSettingsException(List<String> problems) {
		super("KAP Clinic refuses to start with unsafe settings:\n- " + String.join("\n- ", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return this.problems;
	}

}
