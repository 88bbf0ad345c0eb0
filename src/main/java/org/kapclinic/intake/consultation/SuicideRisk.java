package org.kapclinic.intake.consultation;

import java.util.regex.Pattern;

/**
 * Whether a consultation request names suicidal thoughts: the concern is ticked, or the
 * free text uses words for suicide or self-harm. Deliberately broad: a flag only puts the
 * request first for a person to read the same day.
 */
final class SuicideRisk {

	private static final Pattern WORDS = Pattern.compile("suicid|kill(ing)? myself|end(ing)? my (own )?life"
			+ "|take my (own )?life|self[- ]?harm|hurt(ing)? myself|want(ed)? to die|better off dead"
			+ "|(do not|don't|dont) want to (live|be alive|be here)", Pattern.CASE_INSENSITIVE);

	private SuicideRisk() {
	}

	static boolean named(ConsultationRequestForm form) {
		return (form.concerns() != null && form.concerns().stream().anyMatch((c) -> c != null && c.risk()))
				|| mentioned(form.otherConcern()) || mentioned(form.message());
	}

	static boolean mentioned(String text) {
		return text != null && WORDS.matcher(text).find();
	}

}
