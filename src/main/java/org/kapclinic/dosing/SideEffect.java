package org.kapclinic.dosing;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** An effect recorded as a side effect or adverse event during a session. */
enum SideEffect {

	NAUSEA("Nausea"), VOMITING("Vomiting"), HYPERTENSION("High blood pressure"), HYPOTENSION("Low blood pressure"),
	TACHYCARDIA("Fast heart rate"), BRADYCARDIA("Slow heart rate"), DESATURATION("Low oxygen saturation"),
	RESPIRATORY_DEPRESSION("Slowed breathing"), EMERGENCE_REACTION("Emergence reaction"), ANXIETY("Anxiety"),
	AGITATION("Agitation"), HEADACHE("Headache"), DIZZINESS("Dizziness"), OVERSEDATION("Oversedation"),
	DISSOCIATION("Distressing dissociation"), ALLERGIC_REACTION("Allergic reaction"), OTHER("Other");

	private final String label;

	SideEffect(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	static Set<String> codes() {
		return Vocabulary.codes(SideEffect.class);
	}

	/** In alphabetical order of their labels, "Other" last, as a picker lists them. */
	public static List<SideEffect> forPicker() {
		return Arrays.stream(values())
			.sorted(Comparator.comparing((SideEffect e) -> e == OTHER).thenComparing(SideEffect::label))
			.toList();
	}

	public static String labelOf(String code) {
		return Vocabulary.label(SideEffect.class, code, SideEffect::label);
	}

}
