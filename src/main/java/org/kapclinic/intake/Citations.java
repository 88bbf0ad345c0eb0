package org.kapclinic.intake;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A screening rule's source as a clinician cites it. A rule's {@code source} records, for
 * the rule's authors, where in our reference notes it came from and on what primary
 * source that rests; a clinician needs only the primary sources ("Spravato label §4",
 * "ACEP clinical policy 2011"), never a path in our files (issue 14).
 */
final class Citations {

	/** Primary sources named in rule sources, in the words a clinician cites them. */
	private static final Map<Pattern, String> PRIMARY = new LinkedHashMap<>();

	static {
		PRIMARY.put(Pattern.compile("Spravato (?:PI|US label|label)(?: (§\\d+))?"), "Spravato label");
		PRIMARY.put(Pattern.compile("Spravato W&P"), "Spravato label, Warnings and Precautions");
		PRIMARY.put(Pattern.compile("Ketalar (?:PI|US label|label)(?: (§\\d+))?"), "Ketalar label");
		PRIMARY.put(Pattern.compile("Ketalar W&P"), "Ketalar label, Warnings and Precautions");
		PRIMARY.put(Pattern.compile("Swiss ketamine label"), "Swiss ketamine label");
		PRIMARY.put(Pattern.compile("ACEP 2011"), "ACEP clinical policy on ketamine sedation (2011)");
		PRIMARY.put(Pattern.compile("AACAP 2018"), "AACAP statement (2018)");
		PRIMARY.put(Pattern.compile("AAP 1995/2016"), "AAP policy on informed consent (1995, 2016)");
		PRIMARY.put(Pattern.compile("Dwyer 2021"), "Dwyer et al., Am J Psychiatry 2021");
		PRIMARY.put(Pattern.compile("Psyon"), "Published clinic exclusion criteria (Psyon)");
		PRIMARY.put(Pattern.compile("MPR"), "MPR monograph (summary of the Spravato label)");
	}

	private static final Pattern SECTION = Pattern.compile("§\\d+");

	private Citations() {
	}

	/**
	 * The primary sources a rule source names, joined with "; ", or "Clinic policy" when
	 * it names none (the rule is the clinic's own default).
	 */
	public static String forClinician(String source) {
		if (source == null || source.isBlank()) {
			return "Clinic policy";
		}
		Set<String> cited = new LinkedHashSet<>();
		for (Map.Entry<Pattern, String> primary : PRIMARY.entrySet()) {
			Matcher found = primary.getKey().matcher(source);
			while (found.find()) {
				String section = (found.groupCount() > 0 && found.group(1) != null) ? " " + found.group(1) : "";
				cited.add(primary.getValue() + section);
			}
		}
		// "Spravato label" adds nothing when "Spravato label §4" is there.
		cited.removeIf((c) -> !SECTION.matcher(c).find()
				&& cited.stream().anyMatch((other) -> !other.equals(c) && other.startsWith(c + " §")));
		return cited.isEmpty() ? "Clinic policy" : String.join("; ", cited);
	}

	/** A rule's confidence in words. */
	public static String confidence(String confidence) {
		if (confidence == null) {
			return "Not stated";
		}
		return switch (confidence) {
			case "VERIFIED" -> "Checked against the source";
			case "PARTIAL" -> "Partly checked (secondary source)";
			case "UNVERIFIED" -> "Not yet checked: clinic default, review it";
			default -> confidence.charAt(0) + confidence.substring(1).toLowerCase(java.util.Locale.ROOT);
		};
	}

}
