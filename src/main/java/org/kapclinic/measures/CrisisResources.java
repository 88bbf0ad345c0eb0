package org.kapclinic.measures;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a patient is shown at once after a self-report answer indicates suicide risk
 * (issue: "988 / local emergency number"), and at the foot of every self-report page. Set
 * per clinic ({@code kap.clinic.crisis.*}); defaults are the US numbers.
 *
 * @param crisisLine the crisis line's name and how to reach it
 * @param emergencyNumber the local emergency number
 * @param clinicPhone the clinic's own number, shown when set
 */
@ConfigurationProperties("kap.clinic.crisis")
public record CrisisResources(String crisisLine, String emergencyNumber, String clinicPhone) {

	public CrisisResources {
		crisisLine = (crisisLine == null || crisisLine.isBlank()) ? "988 Suicide & Crisis Lifeline: call or text 988"
				: crisisLine;
		emergencyNumber = (emergencyNumber == null || emergencyNumber.isBlank()) ? "911" : emergencyNumber;
		clinicPhone = (clinicPhone == null || clinicPhone.isBlank()) ? null : clinicPhone;
	}

}
