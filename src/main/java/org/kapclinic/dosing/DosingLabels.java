package org.kapclinic.dosing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kapclinic.intake.DrugClass;
import org.springframework.stereotype.Component;

/**
 * The dosing vocabularies' labels for templates
 * ({@code ${@dosingLabels.checklist(item)}}), where records still carry their codes as
 * strings. Each label lives on its enum; this only looks them up.
 */
@Component("dosingLabels")
class DosingLabels {

	private static final Pattern AT_MINUTES = Pattern.compile("AT_(\\d+)_MIN");

	public String checklist(String code) {
		return ChecklistItem.labelOf(code);
	}

	public String criterion(String code) {
		return DischargeCriterion.labelOf(code);
	}

	public String observation(String code) {
		return ObservationKind.labelOf(code);
	}

	public String severity(String code) {
		return EventSeverity.labelOf(code);
	}

	public String effect(String code) {
		return SideEffect.labelOf(code);
	}

	public String administration(String code) {
		return AdministrationKind.labelOf(code);
	}

	public String drug(String code) {
		return Vocabulary.label(DrugClass.class, code, DrugClass::label);
	}

	/**
	 * A timeline entry's kind: a state change, an order, a dose, vitals or an
	 * observation.
	 */
	public String timeline(String kind) {
		return TimelineEntry.labelOf(kind);
	}

	/** The kind of vitals check that is due next (see {@link VitalsSchedule}). */
	public String vitalsCheck(String kind) {
		if (kind == null) {
			return "";
		}
		Matcher at = AT_MINUTES.matcher(kind);
		if (at.matches()) {
			return "at " + at.group(1) + " min";
		}
		return switch (kind) {
			case "BASELINE" -> "baseline";
			case "RECHECK" -> "recheck after rest";
			case "DURING_DOSE" -> "during the dose";
			case "AFTER_DOSE" -> "after the dose";
			default -> Vocabulary.inWords(kind).toLowerCase(java.util.Locale.ROOT);
		};
	}

}
