package org.kapclinic.fund;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

import org.kapclinic.intake.Program;

/**
 * What a donation may pay for (issue 20): {@code UNRESTRICTED}, a program
 * ({@code PROGRAM:KAP}) or a condition by ICD-10-CM code or prefix
 * ({@code CONDITION:F43.1} covers F43.10, F43.11, F43.12). An award spends one
 * restriction's money on a patient it fits.
 *
 * @param code the API's code
 */
public record Restriction(String code) {

	private static final Pattern PROGRAM = Pattern.compile("PROGRAM:[A-Z_]+");

	/** An ICD-10-CM code or its prefix: a letter, two digits, then up to four more. */
	private static final Pattern CONDITION = Pattern.compile("CONDITION:[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?");

	public static final Restriction UNRESTRICTED = new Restriction("UNRESTRICTED");

	/** The restriction of a code, if it is one. */
	public static Optional<Restriction> parse(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String upper = code.strip().toUpperCase(java.util.Locale.ROOT);
		boolean program = PROGRAM.matcher(upper).matches()
				&& java.util.Arrays.stream(Program.values()).anyMatch((p) -> upper.equals("PROGRAM:" + p.name()));
		if (upper.equals(UNRESTRICTED.code) || program || CONDITION.matcher(upper).matches()) {
			return Optional.of(new Restriction(upper));
		}
		return Optional.empty();
	}

	/** What the restriction allows, in words. */
	public String label() {
		if (this.code.startsWith("PROGRAM:")) {
			return "Program: " + Program.labelOf(this.code.substring("PROGRAM:".length()));
		}
		if (this.code.startsWith("CONDITION:")) {
			return "Condition: ICD-10-CM " + this.code.substring("CONDITION:".length());
		}
		return "Unrestricted";
	}

	/** What a donor reads on the public page: the general fund in plain words. */
	public String donorLabel() {
		return equals(UNRESTRICTED) ? "Wherever it is needed most" : label();
	}

	/**
	 * Whether money of this restriction may pay for a patient in these programs with
	 * these ICD-10-CM diagnoses (a condition prefix matches the code with or without its
	 * dot).
	 */
	public boolean fits(Collection<String> programs, Collection<String> diagnoses) {
		if (this.code.startsWith("PROGRAM:")) {
			return programs.contains(this.code.substring("PROGRAM:".length()));
		}
		if (this.code.startsWith("CONDITION:")) {
			String prefix = normal(this.code.substring("CONDITION:".length()));
			return diagnoses.stream().anyMatch((code) -> normal(code).startsWith(prefix));
		}
		return true;
	}

	private static String normal(String icd10) {
		return icd10.replace(".", "").toUpperCase(java.util.Locale.ROOT);
	}

	/** The hint a refused code gets. */
	static String expected() {
		return "UNRESTRICTED, PROGRAM:KAP, PROGRAM:IV_INFUSION, PROGRAM:ESKETAMINE or CONDITION: and an ICD-10-CM code "
				+ "or prefix (e.g. CONDITION:F43.1)";
	}

}
