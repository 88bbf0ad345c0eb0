package org.kapclinic.billing;

import java.time.LocalDate;
import java.util.List;

import org.kapclinic.patient.Patients.BillingContact;
import org.kapclinic.shared.Money;

/**
 * What a superbill shows (the CMS-1500 data elements a patient's insurer asks for): the
 * billing provider, the patient, the diagnoses with their pointer letters, each service
 * line with its rendering clinician, and the charges and amounts paid.
 *
 * @param diagnoses ICD-10-CM codes in pointer order (A, B, C, …; at most 12)
 */
public record Superbill(ClinicBilling.Details clinic, BillingContact patient, LocalDate from, LocalDate to,
		List<String> diagnoses, List<Line> lines, String currency, long chargedMinor, long paidMinor) {

	/** A service line as printed (CMS-1500 item 24). */
	public record Line(LocalDate serviceDate, String placeOfService, String codeSystem, String code,
			List<String> modifiers, String pointers, int units, long amountMinor, String amount, String renderingName,
			String renderingNpi, String description) {
	}

	public String charged() {
		return Money.format(this.chargedMinor, this.currency);
	}

	public String paid() {
		return Money.format(this.paidMinor, this.currency);
	}

	/** The pointer letter of the diagnosis at this index. */
	public String pointer(int index) {
		return letter(index);
	}

	/** "A" for the first diagnosis, "B" for the second, … */
	public static String letter(int index) {
		return String.valueOf((char) ('A' + index));
	}

}
