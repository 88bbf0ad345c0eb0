package org.kapclinic.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.kapclinic.shared.Money;

/**
 * One billed line: a code, its units and amount, derived from a discharged dosing session
 * or a completed appointment.
 *
 * @param sourceKind DOSING_SESSION or APPOINTMENT
 * @param diagnoses the patient's ICD-10-CM codes (the diagnosis pointers), primary first
 * @param basis why the line was proposed, in words ("IV infusion 40 min", "84 mg")
 * @param invoiceId the invoice the line is on, once invoiced
 */
public record Charge(UUID id, UUID patientId, String sourceKind, UUID sourceId, LocalDate serviceDate,
		String codeSystem, String code, List<String> modifiers, String description, int units, long unitPriceMinor,
		long amountMinor, String currency, List<String> diagnoses, UUID renderingClinician, int feeScheduleVersion,
		String basis, ChargeStatus status, String voidReason, UUID invoiceId) {

	public String amount() {
		return Money.format(this.amountMinor, this.currency);
	}

	public String statusLabel() {
		return this.status.label();
	}

	public boolean proposed() {
		return this.status == ChargeStatus.PROPOSED;
	}

	/** Posted and not yet on an invoice: may still be voided. */
	public boolean voidable() {
		return this.status != ChargeStatus.VOIDED && this.invoiceId == null;
	}

}
