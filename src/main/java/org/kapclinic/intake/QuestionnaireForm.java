package org.kapclinic.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.springframework.util.MultiValueMap;

/**
 * The patient's questionnaire as typed, so a refused form comes back with the patient's
 * own words. Blank rows are dropped and the rest moved up, so that row numbers in field
 * messages match the rows shown again; a few empty rows are always offered.
 */
record QuestionnaireForm(Map<String, String> history, List<MedicineRow> medicines, List<TreatmentRow> treatments,
		String otherTreatments, String substanceUse, String psychedelicExperience, String allergies, String hopes) {

	private static final int MAX_ROWS = 20;

	static QuestionnaireForm of(PatientQuestionnaire answers) {
		List<MedicineRow> medicines = answers.medicines()
			.stream()
			.map((m) -> new MedicineRow(text(m.name()), text(m.howTaken())))
			.toList();
		List<TreatmentRow> treatments = answers.pastTreatments()
			.stream()
			.map((t) -> new TreatmentRow(text(t.name()), (t.weeks() != null) ? t.weeks().toString() : "",
					text(t.helped())))
			.toList();
		return new QuestionnaireForm(answers.history(), pad(medicines, new MedicineRow("", ""), 3),
				pad(treatments, new TreatmentRow("", "", ""), 2), text(answers.otherTreatments()),
				text(answers.substanceUse()), text(answers.psychedelicExperience()), text(answers.allergies()),
				text(answers.hopes()));
	}

	static QuestionnaireForm of(MultiValueMap<String, String> params) {
		Map<String, String> history = new LinkedHashMap<>();
		for (ConditionCode code : ConditionCode.values()) {
			String answer = params.getFirst("history[" + code.name() + "]");
			if (answer != null && !answer.isBlank()) {
				history.put(code.name(), answer);
			}
		}
		List<MedicineRow> medicines = new ArrayList<>();
		List<TreatmentRow> treatments = new ArrayList<>();
		for (int i = 0; i < MAX_ROWS; i++) {
			MedicineRow medicine = new MedicineRow(param(params, "medicines[" + i + "].name"),
					param(params, "medicines[" + i + "].howTaken"));
			if (!medicine.isBlank()) {
				medicines.add(medicine);
			}
			TreatmentRow treatment = new TreatmentRow(param(params, "pastTreatments[" + i + "].name"),
					param(params, "pastTreatments[" + i + "].weeks"),
					param(params, "pastTreatments[" + i + "].helped"));
			if (!treatment.isBlank()) {
				treatments.add(treatment);
			}
		}
		return new QuestionnaireForm(history, pad(medicines, new MedicineRow("", ""), 3),
				pad(treatments, new TreatmentRow("", "", ""), 2), param(params, "otherTreatments"),
				param(params, "substanceUse"), param(params, "psychedelicExperience"), param(params, "allergies"),
				param(params, "hopes"));
	}

	/**
	 * The answers, or field messages for what cannot be read (weeks that are not a
	 * number).
	 */
	PatientQuestionnaire answers() {
		List<FieldProblem> problems = new ArrayList<>();
		List<PatientQuestionnaire.Medicine> medicines = new ArrayList<>();
		for (MedicineRow row : this.medicines) {
			if (!row.isBlank()) {
				medicines.add(new PatientQuestionnaire.Medicine(blankToNull(row.name()), blankToNull(row.howTaken())));
			}
		}
		List<PatientQuestionnaire.PastTreatment> treatments = new ArrayList<>();
		for (int i = 0; i < this.treatments.size(); i++) {
			TreatmentRow row = this.treatments.get(i);
			if (row.isBlank()) {
				continue;
			}
			Integer weeks = null;
			if (!row.weeks().isBlank()) {
				try {
					weeks = Integer.valueOf(row.weeks().trim());
				}
				catch (NumberFormatException ex) {
					problems.add(new FieldProblem("pastTreatments[" + i + "].weeks",
							"write the number of weeks as a number, for example 8"));
				}
			}
			treatments
				.add(new PatientQuestionnaire.PastTreatment(blankToNull(row.name()), weeks, blankToNull(row.helped())));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new PatientQuestionnaire(this.history, medicines, treatments, blankToNull(this.otherTreatments),
				blankToNull(this.substanceUse), blankToNull(this.psychedelicExperience), blankToNull(this.allergies),
				blankToNull(this.hopes));
	}

	public String answer(ConditionCode code) {
		return this.history.getOrDefault(code.name(), "");
	}

	record MedicineRow(String name, String howTaken) {

		boolean isBlank() {
			return this.name.isBlank() && this.howTaken.isBlank();
		}

	}

	record TreatmentRow(String name, String weeks, String helped) {

		boolean isBlank() {
			return this.name.isBlank() && this.weeks.isBlank() && this.helped.isBlank();
		}

	}

	private static <T> List<T> pad(List<T> rows, T blank, int spare) {
		List<T> padded = new ArrayList<>(rows);
		for (int i = 0; i < spare && padded.size() < MAX_ROWS; i++) {
			padded.add(blank);
		}
		return padded;
	}

	private static String param(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return (value != null) ? value : "";
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
