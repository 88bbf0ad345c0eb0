package org.kapclinic.safety;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Long-term safety policy ({@code kap.safety.*}, issue 19).
 *
 * @param maintenanceReviewInterval a patient on maintenance dosing is reviewed this
 * often, counted from the maintenance course's start and then from the last review (90
 * days: clinic policy; no label or guideline sets an interval — the labels ask for
 * monitoring of urinary symptoms, liver function and misuse with repeated use,
 * clinical.md long-term safety)
 */
@ConfigurationProperties("kap.safety")
record SafetySettings(Duration maintenanceReviewInterval) {

	SafetySettings {
		maintenanceReviewInterval = (maintenanceReviewInterval == null) ? Duration.ofDays(90)
				: maintenanceReviewInterval;
	}

}
