package org.kapclinic.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The intake as a patient answers it on their phone (issue 14): their health history as
 * yes / no / not sure questions ({@link ConditionCode#question()}), medicines by name,
 * treatments tried, substance use, experience with ketamine or psychedelics, allergies
 * and what they hope for. No codes, no vital signs: staff complete those.
 *
 * @param history a {@link ConditionCode} name to "yes", "no" or "unsure"
 */
record PatientQuestionnaire(@Size(max = 40) Map<String, String> history,
		@Valid @Size(max = 20, message = "at most 20 medicines") List<@Valid Medicine> medicines,
		@Valid @Size(max = 15, message = "at most 15 treatments") List<@Valid PastTreatment> pastTreatments,
		@Size(max = 2000, message = "at most 2000 characters") String otherTreatments,
		@Size(max = 2000, message = "at most 2000 characters") String substanceUse,
		@Size(max = 2000, message = "at most 2000 characters") String psychedelicExperience,
		@Size(max = 2000, message = "at most 2000 characters") String allergies,
		@Size(max = 2000, message = "at most 2000 characters") String hopes) {

	public static final List<String> ANSWERS = List.of("yes", "no", "unsure");

	public PatientQuestionnaire {
		history = (history != null) ? Map.copyOf(history) : Map.of();
		medicines = (medicines != null) ? List.copyOf(medicines) : List.of();
		pastTreatments = (pastTreatments != null) ? List.copyOf(pastTreatments) : List.of();
	}

	public static PatientQuestionnaire blank() {
		return new PatientQuestionnaire(null, null, null, null, null, null, null, null);
	}

	/** A medicine the patient takes, as they name it. */
	public record Medicine(@Size(max = 150, message = "at most 150 characters") String name,
			@Size(max = 150, message = "at most 150 characters") String howTaken) {
	}

	/**
	 * A medicine or treatment for depression tried before.
	 *
	 * @param helped "yes", "partly", "no" or "side-effects"
	 */
	public record PastTreatment(@Size(max = 150, message = "at most 150 characters") String name,
			@Min(value = 0, message = "0 or more") @Max(value = 520, message = "at most 520 weeks") Integer weeks,
			String helped) {
	}

	/** The history questions answered "not sure": staff ask about them. */
	public List<ConditionCode> unsure() {
		return conditions("unsure");
	}

	public List<ConditionCode> yes() {
		return conditions("yes");
	}

	private List<ConditionCode> conditions(String answer) {
		List<ConditionCode> found = new ArrayList<>();
		for (ConditionCode code : ConditionCode.values()) {
			if (answer.equals(this.history.get(code.name()))) {
				found.add(code);
			}
		}
		return found;
	}

	/**
	 * The clinician's intake with these answers added: conditions answered yes, medicines
	 * (unclassified until staff choose their class), treatments tried, and the patient's
	 * words where staff have written nothing yet. Nothing staff entered is removed.
	 */
	IntakeAnswers mergeInto(IntakeAnswers intake) {
		Set<String> conditions = new LinkedHashSet<>(intake.conditions());
		yes().forEach((code) -> conditions.add(code.name()));
		List<IntakeAnswers.Medication> medications = new ArrayList<>(intake.medications());
		for (Medicine medicine : this.medicines) {
			if (blank(medicine.name())
					|| listed(medications.stream().map(IntakeAnswers.Medication::name).toList(), medicine.name())) {
				continue;
			}
			String name = medicine.name().trim()
					+ (blank(medicine.howTaken()) ? "" : " (" + medicine.howTaken().trim() + ")");
			medications.add(new IntakeAnswers.Medication(cut(name, 200), DrugClass.UNCLASSIFIED.name()));
		}
		List<IntakeAnswers.AntidepressantTrial> trials = new ArrayList<>(intake.antidepressantTrials());
		for (PastTreatment tried : this.pastTreatments) {
			if (blank(tried.name())
					|| listed(trials.stream().map(IntakeAnswers.AntidepressantTrial::drug).toList(), tried.name())) {
				continue;
			}
			trials.add(new IntakeAnswers.AntidepressantTrial(cut(tried.name().trim(), 200), null, tried.weeks(), null,
					response(tried.helped())));
		}
		return new IntakeAnswers(intake.diagnoses(), List.copyOf(conditions), medications, trials, intake.vitals(),
				add(intake.allergies(), this.allergies, 2000), add(intake.substanceUse(), this.substanceUse, 2000),
				add(intake.priorKetamineOrPsychedelicExperience(), this.psychedelicExperience, 2000),
				add(intake.notes(), summary(), 4000));
	}

	/** What the structured intake has no field for, in the patient's words. */
	private String summary() {
		Map<String, String> parts = new LinkedHashMap<>();
		if (!unsure().isEmpty()) {
			parts.put("Not sure about", String.join("; ", unsure().stream().map(ConditionCode::label).toList()));
		}
		parts.put("Other treatments tried", this.otherTreatments);
		parts.put("Hopes for treatment", this.hopes);
		StringBuilder text = new StringBuilder();
		parts.forEach((label, value) -> {
			if (!blank(value)) {
				text.append(text.isEmpty() ? "" : "\n").append(label).append(": ").append(value.trim());
			}
		});
		return text.isEmpty() ? null : "From the patient's questionnaire:\n" + text;
	}

	private static TrialResponse response(String helped) {
		if (helped == null) {
			return null;
		}
		return switch (helped) {
			case "yes" -> TrialResponse.RESPONDED;
			case "partly" -> TrialResponse.PARTIAL;
			case "no" -> TrialResponse.NO_RESPONSE;
			case "side-effects" -> TrialResponse.NOT_TOLERATED;
			default -> null;
		};
	}

	private static boolean listed(List<String> names, String name) {
		String wanted = name.trim().toLowerCase(Locale.ROOT);
		return names.stream().anyMatch((n) -> n != null && n.toLowerCase(Locale.ROOT).startsWith(wanted));
	}

	private static String add(String staff, String patient, int limit) {
		if (blank(patient)) {
			return staff;
		}
		if (blank(staff)) {
			return cut(patient.trim(), limit);
		}
		if (staff.contains(patient.trim())) {
			return staff;
		}
		return cut(staff + "\nThe patient wrote: " + patient.trim(), limit);
	}

	private static String cut(String text, int limit) {
		return (text.length() <= limit) ? text : text.substring(0, limit - 1) + "…";
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
