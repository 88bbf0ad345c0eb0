package org.kapclinic.intake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.Validator;

import org.kapclinic.intake.IntakeAnswers.AntidepressantTrial;
import org.kapclinic.intake.IntakeAnswers.Medication;
import org.kapclinic.intake.IntakeAnswers.Vitals;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.springframework.util.MultiValueMap;

/**
 * The staff intake form as typed, so a refused form comes back with the user's own
 * values. Blank medication and trial rows are dropped and the rest moved up, so that row
 * numbers in the services' field problems match the rows shown again.
 */
record IntakeForm(String diagnoses, Set<String> conditions, List<MedicationRow> medications, List<TrialRow> trials,
		String systolic, String diastolic, String heartRate, String allergies, String substanceUse,
		String priorKetamineOrPsychedelicExperience, String notes) {

	/** Empty rows offered on the form. */
	static final int ROWS = 4;

	private static final int MAX_ROWS = 40;

	static IntakeForm blank() {
		return new IntakeForm("", Set.of(), pad(List.of(), MedicationRow.BLANK), pad(List.of(), TrialRow.BLANK), "", "",
				"", "", "", "", "");
	}

	static IntakeForm of(IntakeAnswers answers) {
		List<MedicationRow> medications = new ArrayList<>();
		for (Medication medication : answers.medications()) {
			medications.add(new MedicationRow(text(medication.name()), text(medication.drugClass())));
		}
		List<TrialRow> trials = new ArrayList<>();
		for (AntidepressantTrial trial : answers.antidepressantTrials()) {
			String adequate = (trial.adequate() == null) ? "" : (trial.adequate() ? "yes" : "no");
			trials.add(new TrialRow(text(trial.drug()), text(trial.doseMg()), text(trial.weeks()), adequate,
					text(trial.response())));
		}
		Vitals vitals = (answers.vitals() != null) ? answers.vitals() : new Vitals(null, null, null);
		return new IntakeForm(String.join(", ", answers.diagnoses()), new LinkedHashSet<>(answers.conditions()),
				pad(medications, MedicationRow.BLANK), pad(trials, TrialRow.BLANK), text(vitals.systolic()),
				text(vitals.diastolic()), text(vitals.heartRate()), text(answers.allergies()),
				text(answers.substanceUse()), text(answers.priorKetamineOrPsychedelicExperience()),
				text(answers.notes()));
	}

	static IntakeForm of(MultiValueMap<String, String> params) {
		List<MedicationRow> medications = new ArrayList<>();
		List<TrialRow> trials = new ArrayList<>();
		for (int i = 0; i < MAX_ROWS; i++) {
			String medication = "medications[" + i + "].";
			MedicationRow row = new MedicationRow(param(params, medication + "name"),
					param(params, medication + "drugClass"));
			if (!row.blank()) {
				medications.add(row);
			}
			String trial = "antidepressantTrials[" + i + "].";
			TrialRow trialRow = new TrialRow(param(params, trial + "drug"), param(params, trial + "doseMg"),
					param(params, trial + "weeks"), param(params, trial + "adequate"),
					param(params, trial + "response"));
			if (!trialRow.blank()) {
				trials.add(trialRow);
			}
		}
		List<String> conditions = params.getOrDefault("conditions", List.of());
		return new IntakeForm(param(params, "diagnoses"), new LinkedHashSet<>(conditions),
				pad(medications, MedicationRow.BLANK), pad(trials, TrialRow.BLANK), param(params, "vitals.systolic"),
				param(params, "vitals.diastolic"), param(params, "vitals.heartRate"), param(params, "allergies"),
				param(params, "substanceUse"), param(params, "priorKetamineOrPsychedelicExperience"),
				param(params, "notes"));
	}

	/**
	 * The answers, or every field that is not a number where one is needed.
	 * @throws InvalidInputException naming those fields
	 */
	IntakeAnswers answers() {
		List<FieldProblem> problems = new ArrayList<>();
		List<Medication> medications = new ArrayList<>();
		for (MedicationRow row : this.medications) {
			if (!row.blank()) {
				medications.add(new Medication(orNull(row.name()), orNull(row.drugClass())));
			}
		}
		List<AntidepressantTrial> trials = new ArrayList<>();
		for (TrialRow row : this.trials) {
			if (row.blank()) {
				continue;
			}
			String field = "antidepressantTrials[" + trials.size() + "].";
			trials.add(new AntidepressantTrial(orNull(row.drug()), decimal(row.doseMg(), field + "doseMg", problems),
					whole(row.weeks(), field + "weeks", problems), adequate(row.adequate()),
					response(row.response(), field + "response", problems)));
		}
		Integer systolic = whole(this.systolic, "vitals.systolic", problems);
		Integer diastolic = whole(this.diastolic, "vitals.diastolic", problems);
		Integer heartRate = whole(this.heartRate, "vitals.heartRate", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Vitals vitals = (systolic == null && diastolic == null && heartRate == null) ? null
				: new Vitals(systolic, diastolic, heartRate);
		return new IntakeAnswers(diagnosisCodes(), List.copyOf(this.conditions), medications, trials, vitals,
				orNull(this.allergies), orNull(this.substanceUse), orNull(this.priorKetamineOrPsychedelicExperience),
				orNull(this.notes));
	}

	/**
	 * The answers' Bean Validation problems (sizes and ranges), which the JSON API checks
	 * with {@code @Valid} before calling the service.
	 */
	static List<FieldProblem> constraintProblems(Validator validator, IntakeAnswers answers) {
		return validator.validate(answers)
			.stream()
			.map((violation) -> new FieldProblem(violation.getPropertyPath().toString().replace(".<list element>", ""),
					violation.getMessage()))
			.sorted(Comparator.comparing(FieldProblem::field))
			.toList();
	}

	/**
	 * The fields to mark invalid; "diagnoses[2]" also marks "diagnoses", the one input
	 * that holds all the codes.
	 */
	static Set<String> invalidFields(List<FieldProblem> problems) {
		return problems.stream()
			.flatMap((problem) -> Stream.of(problem.field(), problem.field().replaceAll("\\[.*", "")))
			.collect(Collectors.toSet());
	}

	private List<String> diagnosisCodes() {
		if (this.diagnoses == null || this.diagnoses.isBlank()) {
			return List.of();
		}
		return Arrays.stream(this.diagnoses.split("[,;\\s]+"))
			.filter((code) -> !code.isEmpty())
			.map((code) -> code.toUpperCase(Locale.ROOT))
			.distinct()
			.toList();
	}

	private static BigDecimal decimal(String text, String field, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.trim());
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "must be a number"));
			return null;
		}
	}

	private static Integer whole(String text, String field, List<FieldProblem> problems) {
		BigDecimal value = decimal(text, field, problems);
		if (value == null) {
			return null;
		}
		try {
			return value.intValueExact();
		}
		catch (ArithmeticException ex) {
			problems.add(new FieldProblem(field, "must be a whole number"));
			return null;
		}
	}

	private static Boolean adequate(String text) {
		return switch (text) {
			case "yes" -> Boolean.TRUE;
			case "no" -> Boolean.FALSE;
			default -> null;
		};
	}

	private static TrialResponse response(String text, String field, List<FieldProblem> problems) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return TrialResponse.valueOf(text);
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(field, "unknown response '" + text + "'"));
			return null;
		}
	}

	private static String param(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return (value != null) ? value.trim() : "";
	}

	private static String text(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Enum<?> code) {
			return code.name();
		}
		return (value != null) ? value.toString() : "";
	}

	private static String orNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	private static <T> List<T> pad(List<T> rows, T blank) {
		List<T> padded = new ArrayList<>(rows);
		while (padded.size() < ROWS) {
			padded.add(blank);
		}
		return List.copyOf(padded);
	}

	/** One current-medication row. */
	record MedicationRow(String name, String drugClass) {

		static final MedicationRow BLANK = new MedicationRow("", "");

		boolean blank() {
			return this.name.isBlank() && this.drugClass.isBlank();
		}

	}

	/** One prior-antidepressant row; {@code adequate} is yes, no or blank (unknown). */
	record TrialRow(String drug, String doseMg, String weeks, String adequate, String response) {

		static final TrialRow BLANK = new TrialRow("", "", "", "", "");

		boolean blank() {
			return this.drug.isBlank() && this.doseMg.isBlank() && this.weeks.isBlank() && this.adequate.isBlank()
					&& this.response.isBlank();
		}

	}

}
