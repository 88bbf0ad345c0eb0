package org.kapclinic.intake;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A patient's intake history as entered by staff (or, later, by the patient). Codes are
 * kept as text here and checked against {@link ConditionCode}, {@link DrugClass} and the
 * diagnosis list by {@link IntakeValidation}, so an unknown code gets a field-level
 * error.
 */
record IntakeAnswers(@Size(max = 30) List<@NotBlank @Size(max = 10) String> diagnoses,
		@Size(max = 40) List<@NotBlank @Size(max = 40) String> conditions,
		@Valid @Size(max = 40) List<@Valid Medication> medications,
		@Valid @Size(max = 30) List<@Valid AntidepressantTrial> antidepressantTrials, @Valid Vitals vitals,
		@Size(max = 2000) String allergies, @Size(max = 2000) String substanceUse,
		@Size(max = 2000) String priorKetamineOrPsychedelicExperience, @Size(max = 4000) String notes) {

	public IntakeAnswers {
		diagnoses = (diagnoses != null) ? List.copyOf(diagnoses) : List.of();
		conditions = (conditions != null) ? List.copyOf(conditions) : List.of();
		medications = (medications != null) ? List.copyOf(medications) : List.of();
		antidepressantTrials = (antidepressantTrials != null) ? List.copyOf(antidepressantTrials) : List.of();
	}

	/** A current medication. */
	public record Medication(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 40) String drugClass) {
	}

	/**
	 * A prior antidepressant trial.
	 *
	 * @param adequate whether dose and duration were adequate; when absent it is judged
	 * from {@code weeks} (see {@link IntakeSettings})
	 */
	public record AntidepressantTrial(@NotBlank @Size(max = 200) String drug,
			@DecimalMin("0") @DecimalMax("10000") BigDecimal doseMg, @Min(0) @Max(520) Integer weeks, Boolean adequate,
			TrialResponse response) {
	}

	/** Baseline vital signs taken at intake. */
	public record Vitals(@Min(50) @Max(300) Integer systolic, @Min(20) @Max(200) Integer diastolic,
			@Min(20) @Max(250) Integer heartRate) {
	}

}
