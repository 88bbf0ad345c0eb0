package org.kapclinic.dosing;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a clinician records during a session besides vitals and doses. A therapist may
 * record observations and notes but nothing that treats (interventions, adverse events).
 */
enum ObservationKind {

	NOTE("Note", true), SEDATION("Sedation score", true), DISSOCIATION("Dissociation score", true),
	SIDE_EFFECT("Side effect", true), ADVERSE_EVENT("Adverse event", false), INTERVENTION("Intervention", false);

	private final String label;

	private final boolean therapistMay;

	ObservationKind(String label, boolean therapistMay) {
		this.label = label;
		this.therapistMay = therapistMay;
	}

	public String label() {
		return this.label;
	}

	static Set<String> codes() {
		return Vocabulary.codes(ObservationKind.class);
	}

	static Set<String> therapistCodes() {
		return Arrays.stream(values())
			.filter((k) -> k.therapistMay)
			.map(Enum::name)
			.collect(Collectors.toUnmodifiableSet());
	}

	public static List<ObservationKind> all() {
		return List.of(values());
	}

	public static String labelOf(String code) {
		return Vocabulary.label(ObservationKind.class, code, ObservationKind::label);
	}

}
