package org.kapclinic.measures;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The patient's own progress page in the portal (issue 21).
 *
 * @param instruments the questionnaires whose scores a patient sees over time:
 * self-reports on which, by their manuals, a lower total means fewer symptoms (PHQ-9,
 * GAD-7, PCL-5, AUDIT, AUDIT-C, PEG, QIDS-SR16). Screening and safety instruments
 * (C-SSRS, MDQ) and clinician ratings are left to the care team to discuss.
 */
@ConfigurationProperties("kap.measures.portal-progress")
record PortalProgressSettings(List<String> instruments) {

	PortalProgressSettings {
		instruments = (instruments == null) ? List.of("PHQ-9", "GAD-7", "PCL-5", "AUDIT", "AUDIT-C", "PEG", "QIDS-SR16")
				: List.copyOf(instruments);
	}

}
