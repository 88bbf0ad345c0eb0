package org.kapclinic.dosing;

import java.util.List;
import java.util.Set;

/** How bad a side effect or adverse event was. */
enum EventSeverity {

	MILD("Mild"), MODERATE("Moderate"), SEVERE("Severe"), LIFE_THREATENING("Life-threatening");

	private final String label;

	EventSeverity(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	static Set<String> codes() {
		return Vocabulary.codes(EventSeverity.class);
	}

	public static List<EventSeverity> all() {
		return List.of(values());
	}

	public static String labelOf(String code) {
		return Vocabulary.label(EventSeverity.class, code, EventSeverity::label);
	}

}
