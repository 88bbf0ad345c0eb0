package org.kapclinic.measures;

import java.util.Map;

/**
 * What each measurement flag means, in words a clinician acts on: the one place the pages
 * read them from (the API keeps the codes). The thresholds live in the instrument files.
 */
final class FlagLabels {

	private static final Map<String, String> LABELS = Map.of("suicide-risk",
			"Suicide risk: see the patient today (same-day assessment, clinical.md 4.1)", "mdq-positive",
			"MDQ screen positive: assess for bipolar disorder before ketamine for depression (Hirschfeld 2000)",
			"phq2-positive", "PHQ-2 screen positive: follow with the full PHQ-9 (Kroenke 2003)", "probable-ptsd",
			"Probable PTSD: PCL-5 total at or above the cut-off", "provisional-ptsd-dsm5",
			"Provisional PTSD: the DSM-5 symptom pattern is met on the PCL-5", "positive",
			"AUDIT-C screen positive: review drinking at intake", "possible-dependence",
			"AUDIT: possible alcohol dependence, refer for specialist assessment", "bladder-symptoms",
			"Bladder symptoms reported: order a urinalysis and review with the prescriber (ketamine cystitis)");

	private FlagLabels() {
	}

	/** The flag in words; an unknown code is shown with its dashes as spaces. */
	static String label(String code) {
		return LABELS.getOrDefault(code, code.replace('-', ' '));
	}

	/** What to do about an open flag of this kind. */
	static String advice(String code) {
		if ("suicide-risk".equals(code)) {
			return "See the patient today and give crisis resources (988 Suicide & Crisis Lifeline: call or text 988).";
		}
		String label = label(code);
		int colon = label.indexOf(':');
		return (colon > 0) ? capitalised(label.substring(colon + 1).strip()) + "." : "Review it with the patient.";
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** A short name for headings ("MDQ screen positive"). */
	static String title(String code) {
		String label = label(code);
		int colon = label.indexOf(':');
		return (colon > 0) ? label.substring(0, colon) : label;
	}

}
