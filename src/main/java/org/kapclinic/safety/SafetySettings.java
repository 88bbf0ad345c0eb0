package org.kapclinic.safety;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Long-term safety policy ({@code kap.safety.*}, issue 19).
 *
 * @param maintenanceReviewInterval a patient on maintenance dosing is reviewed this
 * often, counted from the maintenance course's start and then from the last review (90
 * days: clinic policy; no label or guideline sets an interval — the labels ask for
 * monitoring of urinary symptoms, liver function and misuse with repeated use,
 * clinical.md long-term safety)
 * @param labFlagMultiple per LOINC code (e.g.
 * {@code kap.safety.lab-flag-multiple[1742-6]=4}), the multiple of the upper reference
 * limit above which a lab result flags the prescriber (defaults in {@link LabTest}: 3×
 * for ALT and AST after FDA's 2009 drug-induced liver injury guidance, 2× for bilirubin,
 * alkaline phosphatase and GGT)
 * @param bladderChecklistEveryDays a maintenance patient's bladder symptom checklist is
 * scheduled this often (28 days, the checklist's own recall period; clinic policy)
 * @param maintenanceReviewNotice the prescribers' worklist shows a review this long
 * before it falls due (14 days), and every overdue one
 * @param misuseSignalWindow how far back the misuse and diversion signals look (365 days:
 * clinic policy, a year of maintenance; no guideline sets a window)
 * @param liverTestsEveryDays a maintenance patient's liver tests (ALT, AST) are due this
 * long after the last ones, and a baseline is asked for when maintenance starts without
 * one this recent (180 days: clinic policy; the labels and the literature report
 * hepatobiliary injury with repeated use but set no interval, clinical.md long-term
 * safety)
 */
@ConfigurationProperties("kap.safety")
record SafetySettings(Duration maintenanceReviewInterval, Map<String, BigDecimal> labFlagMultiple,
		Integer bladderChecklistEveryDays, Duration maintenanceReviewNotice, Duration misuseSignalWindow,
		Integer liverTestsEveryDays) {

	SafetySettings {
		maintenanceReviewInterval = (maintenanceReviewInterval == null) ? Duration.ofDays(90)
				: maintenanceReviewInterval;
		labFlagMultiple = (labFlagMultiple == null) ? Map.of() : Map.copyOf(labFlagMultiple);
		bladderChecklistEveryDays = (bladderChecklistEveryDays == null) ? 28 : bladderChecklistEveryDays;
		maintenanceReviewNotice = (maintenanceReviewNotice == null) ? Duration.ofDays(14) : maintenanceReviewNotice;
		misuseSignalWindow = (misuseSignalWindow == null) ? Duration.ofDays(365) : misuseSignalWindow;
		liverTestsEveryDays = (liverTestsEveryDays == null) ? 180 : liverTestsEveryDays;
	}

	/** The multiple for a test: the clinic's setting, or the test's default. */
	BigDecimal flagMultiple(LabTest test) {
		return this.labFlagMultiple.getOrDefault(test.loinc(), test.flagMultiple());
	}

}
