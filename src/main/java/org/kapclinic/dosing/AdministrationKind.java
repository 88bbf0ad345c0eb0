package org.kapclinic.dosing;

import java.util.List;

/** A step in giving the drug, as the administration form offers it. */
enum AdministrationKind {

	START("Start dose"), RATE_CHANGE("Change infusion rate"), PAUSE("Pause infusion"), RESUME("Resume infusion"),
	STOP("Stop"), ADDITIONAL("Additional dose"), DEVICE("Nasal device given");

	private final String label;

	AdministrationKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The steps a protocol's route allows, in the order they happen. */
	public static List<AdministrationKind> offeredFor(Protocol protocol) {
		if (protocol.esketamine()) {
			return List.of(DEVICE, STOP);
		}
		if (protocol.infusion()) {
			return List.of(START, RATE_CHANGE, PAUSE, RESUME, STOP, ADDITIONAL);
		}
		return List.of(START, ADDITIONAL);
	}

	public static String labelOf(String code) {
		return Vocabulary.label(AdministrationKind.class, code, AdministrationKind::label);
	}

}
