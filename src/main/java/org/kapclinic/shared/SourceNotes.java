package org.kapclinic.shared;

import java.util.regex.Pattern;

/**
 * A value's source note (protocols, course templates) as a clinic reads it. The shipped
 * notes name where in our reference notes a value came from ({@code clinical.md 1.2:})
 * and how well it was checked ({@code [V]}); a clinic has neither file nor tag legend, so
 * pages show the primary sources and the check in words (issue 14: never a path in our
 * reference files). The stored note is unchanged.
 */
public final class SourceNotes {

	private static final Pattern REFERENCE = Pattern
		.compile("\\s*clinical\\.md(?:\\s*§\\s*[\\d.]+|\\s+[\\d.]+\\d)?(?:\\s*\\[[A-Za-z]\\])?\\s*:?");

	private static final Pattern EMPTY_PARENS = Pattern.compile("\\(\\s*[;,]?\\s*\\)");

	private static final Pattern DANGLING = Pattern.compile("[;,]\\s*\\)");

	private static final Pattern LEADING = Pattern.compile("\\(\\s*[;,]\\s*");

	private SourceNotes() {
	}

	/** The note without paths to our reference files, its check tags in words. */
	public static String readable(String note) {
		if (note == null) {
			return null;
		}
		String text = REFERENCE.matcher(note).replaceAll(" ");
		text = text.replace("[V]", "(verified)").replace("[P]", "(partly verified)").replace("[U]", "(unverified)");
		text = EMPTY_PARENS.matcher(text).replaceAll("");
		text = DANGLING.matcher(text).replaceAll(")");
		text = LEADING.matcher(text).replaceAll("(");
		text = text.replaceAll("\\s{2,}", " ").replaceAll("\\s+([;,.)])", "$1").strip();
		return text.startsWith(";") || text.startsWith(",") ? text.substring(1).strip() : text;
	}

}
