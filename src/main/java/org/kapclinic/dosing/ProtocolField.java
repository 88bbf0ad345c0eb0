package org.kapclinic.dosing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One editable value of a protocol in the editor: its JSON path (so the rules' field
 * problems land beside it), the section and words it is shown with, and how it is typed.
 * {@link #ALL} is the catalogue, in the order the editor shows it.
 *
 * @param always shown even when the protocol leaves it empty (hold and alert thresholds,
 * which any route may use); the others only when the protocol sets them
 */
record ProtocolField(String path, String section, String label, Kind kind, boolean always) {

	public boolean longText() {
		return this.kind == Kind.LONG_TEXT;
	}

	public boolean yesNo() {
		return this.kind == Kind.YES_NO;
	}

	public boolean choices() {
		return this.kind == Kind.CHECKLIST || this.kind == Kind.DISCHARGE_CRITERIA;
	}

	public boolean number() {
		return this.kind == Kind.NUMBER || this.kind == Kind.WHOLE;
	}

	/** The choices of a checklist or criteria field: code and label. */
	public Map<String, String> options() {
		Map<String, String> options = new LinkedHashMap<>();
		if (this.kind == Kind.CHECKLIST) {
			for (ChecklistItem item : ChecklistItem.values()) {
				options.put(item.name(), item.label());
			}
		}
		else if (this.kind == Kind.DISCHARGE_CRITERIA) {
			for (DischargeCriterion criterion : DischargeCriterion.values()) {
				options.put(criterion.name(), criterion.label());
			}
		}
		return options;
	}

	/** The HTML id of the field's input. */
	public String id() {
		return "p-" + this.path.replace('.', '-');
	}

	/** How a field is typed and parsed. */
	enum Kind {

		TEXT, LONG_TEXT, NUMBER, WHOLE, WHOLE_LIST, YES_NO, CHECKLIST, DISCHARGE_CRITERIA

	}

	private static final String DOSE = "Dose";

	private static final String INFUSION = "Infusion";

	private static final String PATIENTS = "Patients";

	private static final String HOLD = "Pre-dose hold (session held when a reading is beyond it)";

	private static final String ALERTS = "In-session alerts (raised at or beyond)";

	private static final String VITALS = "Vital signs schedule";

	private static final String DISCHARGE = "Observation and discharge";

	static final List<ProtocolField> ALL = List.of(new ProtocolField("name", DOSE, "Name", Kind.TEXT, true),
			new ProtocolField("defaultDose", DOSE, "Default dose (the order form's proposal)", Kind.NUMBER, false),
			new ProtocolField("usualRange.min", DOSE, "Usual range, from", Kind.NUMBER, false),
			new ProtocolField("usualRange.max", DOSE, "Usual range, to", Kind.NUMBER, false),
			new ProtocolField("softMaximum", DOSE, "Soft maximum (above it a prescriber writes a reason)", Kind.NUMBER,
					false),
			new ProtocolField("hardMaximum", DOSE, "Hard maximum (never exceeded, additional doses included)",
					Kind.NUMBER, false),
			new ProtocolField("hardMaximumMgPerKg", DOSE, "Weight-based ceiling (mg/kg)", Kind.NUMBER, false),
			new ProtocolField("firstDoseMg", DOSE, "First dose of a course (mg)", Kind.WHOLE, false),
			new ProtocolField("allowedDosesMg", DOSE, "Doses a kit can give (mg, comma-separated)", Kind.WHOLE_LIST,
					false),
			new ProtocolField("dosesFromAge65Mg", DOSE,
					"Doses allowed only from age 65 (mg, comma-separated; empty = off)", Kind.WHOLE_LIST, false),
			new ProtocolField("deviceMg", DOSE, "Milligrams per device", Kind.WHOLE, false),
			new ProtocolField("minutesBetweenDevices", DOSE, "Rest between devices (minutes)", Kind.WHOLE, false),
			new ProtocolField("infusionMinutes", INFUSION, "Infusion time (minutes)", Kind.WHOLE, false),
			new ProtocolField("minInfusionMinutes", INFUSION, "Shortest infusion allowed (minutes)", Kind.WHOLE, false),
			new ProtocolField("maxRateMgPerKgPerHour", INFUSION, "Highest infusion rate (mg/kg/h)", Kind.NUMBER, false),
			new ProtocolField("minAgeYears", PATIENTS, "Youngest patient (years)", Kind.WHOLE, false),
			new ProtocolField("maxAgeYears", PATIENTS, "Oldest patient (years)", Kind.WHOLE, false),
			new ProtocolField("weightValidityDays", PATIENTS, "Weight valid for (days)", Kind.WHOLE, false),
			new ProtocolField("minorWeightValidityDays", PATIENTS, "Weight valid for, minors (days; 0 = same day)",
					Kind.WHOLE, false),
			new ProtocolField("secondPersonVerification", PATIENTS, "A second clinician verifies each order",
					Kind.YES_NO, false),
			new ProtocolField("checklist", PATIENTS, "Pre-dose checklist", Kind.CHECKLIST, true),
			new ProtocolField("hold.systolicAbove", HOLD, "Systolic above (mmHg)", Kind.WHOLE, true),
			new ProtocolField("hold.diastolicAbove", HOLD, "Diastolic above (mmHg)", Kind.WHOLE, true),
			new ProtocolField("hold.heartRateAbove", HOLD, "Heart rate above (/min)", Kind.WHOLE, true),
			new ProtocolField("hold.spo2Below", HOLD, "SpO2 below (%)", Kind.WHOLE, true),
			new ProtocolField("hold.ceilingSystolicAtLeast", HOLD,
					"Ceiling: systolic at or above (mmHg; released only by a recheck or a co-signed override)",
					Kind.WHOLE, true),
			new ProtocolField("hold.ceilingDiastolicAtLeast", HOLD, "Ceiling: diastolic at or above (mmHg)", Kind.WHOLE,
					true),
			new ProtocolField("alerts.systolicAtLeast", ALERTS, "Systolic (mmHg)", Kind.WHOLE, true),
			new ProtocolField("alerts.diastolicAtLeast", ALERTS, "Diastolic (mmHg)", Kind.WHOLE, true),
			new ProtocolField("alerts.heartRateAbove", ALERTS, "Heart rate above (/min)", Kind.WHOLE, true),
			new ProtocolField("alerts.heartRateBelow", ALERTS, "Heart rate below (/min)", Kind.WHOLE, true),
			new ProtocolField("alerts.spo2Below", ALERTS, "SpO2 below (%)", Kind.WHOLE, true),
			new ProtocolField("alerts.respiratoryRateBelow", ALERTS, "Respiratory rate below (/min)", Kind.WHOLE, true),
			new ProtocolField("alerts.moaasAtMost", ALERTS, "MOAA/S at most", Kind.WHOLE, true),
			new ProtocolField("alerts.cadssAtLeast", ALERTS, "CADSS at least", Kind.WHOLE, true),
			new ProtocolField("vitals.duringDoseEveryMinutes", VITALS, "While the drug runs, every (minutes)",
					Kind.WHOLE, true),
			new ProtocolField("vitals.atMinutesAfterFirstDose", VITALS,
					"At minutes after the first dose (comma-separated)", Kind.WHOLE_LIST, true),
			new ProtocolField("vitals.afterDoseEveryMinutes", VITALS, "After the dose, every (minutes)", Kind.WHOLE,
					true),
			new ProtocolField("minimumObservationMinutes", DISCHARGE, "Observation after the last dose (minutes)",
					Kind.WHOLE, true),
			new ProtocolField("discharge.maxRiseOverBaselinePercent", DISCHARGE,
					"Blood pressure at discharge at most this far above baseline (%)", Kind.WHOLE, true),
			new ProtocolField("discharge.criteria", DISCHARGE, "Discharge criteria", Kind.DISCHARGE_CRITERIA, true));

}
