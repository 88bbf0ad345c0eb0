package org.kapclinic.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.kapclinic.dosing.Exposures;
import org.kapclinic.dosing.PatientExposure;
import org.kapclinic.measures.CompleteScore;
import org.kapclinic.measures.Measures;
import org.kapclinic.shared.ClinicTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a maintenance review looks at (issue 19), in words, as the fields of its signed
 * note: cumulative exposure, the bladder checklist, the latest lab results, the outcome
 * trend per instrument (is it still helping?) and the misuse signals. The prescriber sees
 * it above the review form and signs it with the decision.
 */
@Service
@Transactional(readOnly = true)
class ReviewSnapshot {

	private final Exposures exposures;

	private final Measures measures;

	private final LabResults labs;

	private final MisuseSignals signals;

	private final ClinicTime clinicTime;

	ReviewSnapshot(Exposures exposures, Measures measures, LabResults labs, MisuseSignals signals,
			ClinicTime clinicTime) {
		this.exposures = exposures;
		this.measures = measures;
		this.labs = labs;
		this.signals = signals;
		this.clinicTime = clinicTime;
	}

	/** The fields by the note template's keys, in its order. */
	Map<String, String> of(UUID patientId) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("exposure", exposure(this.exposures.of(patientId)));
		List<CompleteScore> scores = this.measures.completeScores(patientId);
		fields.put("bladder", bladder(scores));
		fields.put("labs", labs(this.labs.rows(patientId, false)));
		fields.put("outcomes", outcomes(scores));
		fields.put("misuseSignals", misuse(this.signals.unchecked(patientId)));
		return fields;
	}

	private static String exposure(PatientExposure exposure) {
		List<String> parts = new ArrayList<>();
		for (PatientExposure.Window window : exposure.windows()) {
			PatientExposure.Totals all = window.all();
			parts.add(window.label() + ": " + all.sessions() + " session" + ((all.sessions() == 1) ? "" : "s") + ", "
					+ all.totalMg().stripTrailingZeros().toPlainString() + " mg" + ((all.totalMgPerKg() != null)
							? ", " + all.totalMgPerKg().stripTrailingZeros().toPlainString() + " mg/kg" : ""));
		}
		String text = String.join("; ", parts) + ".";
		if (!exposure.cautions().isEmpty()) {
			text += " Cautions: " + exposure.cautions()
				.stream()
				.map(PatientExposure.Caution::message)
				.collect(Collectors.joining("; ")) + ".";
		}
		return text;
	}

	private String bladder(List<CompleteScore> scores) {
		return scores.stream()
			.filter((s) -> MaintenancePages.BLADDER_CHECKLIST.equals(s.instrument()))
			.max(Comparator.comparing(CompleteScore::administeredAt))
			.map((s) -> "Checklist of " + this.clinicTime.date(s.administeredAt()) + ": "
					+ ((s.total().signum() == 0) ? "no symptom reported"
							: s.total().stripTrailingZeros().toPlainString() + " of 6 symptoms reported")
					+ ".")
			.orElse("No bladder symptom checklist answered.");
	}

	private String labs(List<LabResult> results) {
		Map<String, LabResult> latest = new LinkedHashMap<>();
		results.forEach((r) -> latest.merge(r.name(), r, (a, b) -> a.collectedAt().isAfter(b.collectedAt()) ? a : b));
		if (latest.isEmpty()) {
			return "No lab result recorded.";
		}
		return latest.values()
			.stream()
			.map((r) -> r.name() + " " + r.reading() + " (" + this.clinicTime.date(r.collectedAt()) + ")"
					+ (r.flagLabels().isEmpty() ? "" : ": " + String.join(", ", r.flagLabels())))
			.collect(Collectors.joining("; ")) + ".";
	}

	private String outcomes(List<CompleteScore> scores) {
		Map<String, List<CompleteScore>> byInstrument = scores.stream()
			.filter((s) -> !MaintenancePages.BLADDER_CHECKLIST.equals(s.instrument()))
			.sorted(Comparator.comparing(CompleteScore::administeredAt))
			.collect(Collectors.groupingBy(CompleteScore::instrument, java.util.TreeMap::new, Collectors.toList()));
		if (byInstrument.isEmpty()) {
			return "No measure answered.";
		}
		return byInstrument.entrySet().stream().map((e) -> {
			CompleteScore first = e.getValue().get(0);
			CompleteScore last = e.getValue().get(e.getValue().size() - 1);
			return e.getKey() + ": " + score(first) + " → " + score(last) + " (" + e.getValue().size() + " scores)";
		}).collect(Collectors.joining("; ")) + ".";
	}

	private String score(CompleteScore score) {
		return score.total().stripTrailingZeros().toPlainString() + " on "
				+ this.clinicTime.date(score.administeredAt());
	}

	private static String misuse(MisuseSummary summary) {
		String counts = summary.counts()
			.entrySet()
			.stream()
			.filter((e) -> e.getValue() > 0)
			.map((e) -> e.getKey().label() + ": " + e.getValue())
			.collect(Collectors.joining("; "));
		String pdmp = (summary.lastPdmpCheck() != null) ? " Last PDMP check " + summary.lastPdmpCheck().checkedOn()
				+ " (" + summary.lastPdmpCheck().state() + "): " + summary.lastPdmpCheck().resultLabel() + "."
				: " No PDMP check recorded.";
		return (counts.isEmpty() ? "None since " + summary.since() + "." : counts + " (since " + summary.since() + ").")
				+ pdmp;
	}

}
