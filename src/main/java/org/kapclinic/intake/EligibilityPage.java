package org.kapclinic.intake;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the eligibility and intake pages show, in words: Thymeleaf may not reach enums
 * statically, so labels and choices are made here.
 */
final class EligibilityPage {

	private static final Map<String, String> MISSING = Map.of("INTAKE", "Intake not submitted", "SCREENING_DECISION",
			"No current screening decision", "ELIGIBILITY", "Decided not eligible", "CONSENT",
			"Patient consent not signed", "GUARDIAN_CONSENT", "Guardian consent not signed", "ASSENT",
			"Patient's assent not signed");

	private EligibilityPage() {
	}

	static ProgramPanel panel(EligibilityStatus status, Screening screening) {
		List<Finding> findings = (screening != null) ? screening.findingsFor(status.program()) : List.of();
		// One mitigation per rule: a rule can match more than once (two medications).
		Map<String, Finding> relative = new LinkedHashMap<>();
		findings.stream()
			.filter((finding) -> finding.severity() == Severity.RELATIVE)
			.forEach((finding) -> relative.putIfAbsent(finding.rule(), finding));
		String badge = switch (status.status()) {
			case "ELIGIBLE" -> "text-bg-success";
			case "ELIGIBLE_WITH_PRECAUTIONS" -> "text-bg-warning";
			case "NOT_ELIGIBLE" -> "text-bg-danger";
			default -> "text-bg-secondary";
		};
		return new ProgramPanel(status.program().name(), program(status.program()), label(status.status()), badge,
				status.consented(), status.missing().stream().map((code) -> MISSING.getOrDefault(code, code)).toList(),
				status.decisionExpiresAt(), List.copyOf(relative.values()),
				findings.stream().anyMatch((finding) -> finding.severity() == Severity.ABSOLUTE));
	}

	static String program(Program program) {
		return program.label();
	}

	static List<Option> options(Enum<?>[] values) {
		return Arrays.stream(values).map((value) -> new Option(value.name(), label(value.name()))).toList();
	}

	/** The choice lists of the intake form (staff and patient versions alike). */
	static void intakeChoices(org.springframework.ui.Model model, DiagnosisCatalog diagnoses) {
		model.addAttribute("conditionOptions",
				Arrays.stream(ConditionCode.values()).map((code) -> new Option(code.name(), code.label())).toList());
		model.addAttribute("drugClasses",
				Arrays.stream(DrugClass.values())
					.map((drugClass) -> new Option(drugClass.name(), drugClass.label(), !drugClass.offered()))
					.toList());
		model.addAttribute("responses", options(TrialResponse.values()));
		model.addAttribute("catalog", diagnoses.search("", 500));
	}

	/** Abbreviations that must stay upper case in labels. */
	private static final Map<String, String> ABBREVIATIONS = Map.of("avm", "AVM", "icp", "intracranial pressure (ICP)",
			"iop", "intraocular pressure (IOP)", "maoi", "MAOI", "kap", "KAP", "iv", "IV");

	/**
	 * KETAMINE_MISUSE becomes "Ketamine misuse", RAISED_ICP "Raised intracranial pressure
	 * (ICP)".
	 */
	static String label(String code) {
		String[] words = code.toLowerCase(Locale.ROOT).split("_");
		StringBuilder label = new StringBuilder();
		for (String word : words) {
			label.append((label.length() > 0) ? " " : "").append(ABBREVIATIONS.getOrDefault(word, word));
		}
		return (label.length() == 0) ? "" : Character.toUpperCase(label.charAt(0)) + label.substring(1);
	}

	/**
	 * A select or checkbox choice.
	 *
	 * @param superseded kept for stored answers: shown only where it is already chosen
	 */
	record Option(String value, String label, boolean superseded) {

		Option(String value, String label) {
			this(value, label, false);
		}

	}

	/**
	 * One program's standing; each of {@code relativeFindings} gets a mitigation field in
	 * the prescriber's decision form.
	 *
	 * @param missing what stands before a first dose, in words
	 * @param absoluteFinding the latest screening found an absolute contraindication
	 */
	record ProgramPanel(String program, String label, String statusLabel, String badge, boolean consented,
			List<String> missing, Instant decisionExpiresAt, List<Finding> relativeFindings, boolean absoluteFinding) {

		public boolean ready() {
			return this.missing.isEmpty();
		}

	}

}
