package org.kapclinic.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a patient is sent in a crisis, shown on every patient-facing page that asks a
 * risk question (self-report measures, the public consultation form) as soon as a risk
 * answer is chosen, and again after submitting. Set per clinic
 * ({@code kap.clinic.crisis.*}); defaults are the US numbers.
 *
 * @param crisisLine the crisis line's name and how to reach it, in words
 * @param crisisNumber the crisis line's number as dialled and texted (tap-to-call and
 * tap-to-text links), default 988
 * @param emergencyNumber the local emergency number
 * @param clinicPhone the clinic's own number, shown (and tap-to-call) when set
 */
@ConfigurationProperties("kap.clinic.crisis")
public record CrisisResources(String crisisLine, String crisisNumber, String emergencyNumber, String clinicPhone) {

	public CrisisResources {
		crisisLine = (crisisLine == null || crisisLine.isBlank()) ? "988 Suicide & Crisis Lifeline: call or text 988"
				: crisisLine;
		crisisNumber = (crisisNumber == null || crisisNumber.isBlank()) ? "988" : crisisNumber.trim();
		emergencyNumber = (emergencyNumber == null || emergencyNumber.isBlank()) ? "911" : emergencyNumber;
		clinicPhone = (clinicPhone == null || clinicPhone.isBlank()) ? null : clinicPhone.trim();
	}

	/** A {@code tel:} or {@code sms:} target: the digits, with a leading + kept. */
	public static String dialable(String number) {
		if (number == null) {
			return null;
		}
		String digits = number.replaceAll("[^0-9]", "");
		return number.trim().startsWith("+") ? "+" + digits : digits;
	}

	public String crisisDial() {
		return dialable(this.crisisNumber);
	}

	public String emergencyDial() {
		return dialable(this.emergencyNumber);
	}

	public String clinicDial() {
		return dialable(this.clinicPhone);
	}

}
